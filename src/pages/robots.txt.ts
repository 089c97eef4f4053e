import type { APIRoute } from 'astro';
import { siteConfig } from '../site/config.ts';
import { robotsTxt } from '../site/sitemap.ts';
import { absoluteUrl, routes } from '../site/urls.ts';

export const GET: APIRoute = () => new Response(robotsTxt(absoluteUrl(siteConfig, routes.sitemap)), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
