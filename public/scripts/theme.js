// The theme toggle: shows the button (hidden without JavaScript), switches between light and dark,
// and remembers the choice. The inline script in <head> (THEME_BOOTSTRAP) applies it on load.
(function () {
  var root = document.documentElement;
  var button = document.querySelector('.theme-toggle');
  if (!button) return;
  var system = window.matchMedia('(prefers-color-scheme: dark)');
  function current() {
    return root.dataset.theme || (system.matches ? 'dark' : 'light');
  }
  function label() {
    button.setAttribute('aria-pressed', String(current() === 'dark'));
  }
  button.addEventListener('click', function () {
    var next = current() === 'dark' ? 'light' : 'dark';
    root.dataset.theme = next;
    try {
      localStorage.setItem('theme', next);
    } catch (error) {
      // Storage may be off (private mode, file://): the choice then lasts for this page only.
    }
    label();
  });
  system.addEventListener('change', label);
  label();
  button.hidden = false;
})();
