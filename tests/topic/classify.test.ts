import { describe, expect, it } from 'vitest';
import { contentPaths } from '../../src/store/content-store.ts';
import { compileClassifier } from '../../src/topic/classify.ts';
import { loadTopicRules } from '../../src/topic/load.ts';
import { topicSchema } from '../../src/topic/schema.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const loaded = loadTopicRules(contentPaths(`${ROOT}content`));
if ('problems' in loaded) throw new Error(`content/topics is invalid: ${JSON.stringify(loaded.problems)}`);
const classify = loaded.classify;

/** Real seed papers (title and the opening of the abstract) on both sides of each trap. */
const TRAPS: { trap: string; title: string; abstract: string; in: string[]; out: string[] }[] = [
  {
    trap: 'flow: flow matching',
    title: 'Mean Flows for One-step Generative Modeling',
    abstract: 'We introduce the notion of average velocity to characterize flow fields, in contrast to instantaneous velocity modeled by Flow Matching methods.',
    in: ['flow-matching'],
    out: ['video'],
  },
  {
    trap: 'flow: normalizing flows in a *Flow name',
    title: 'NanoFlow: Scalable Normalizing Flows with Sublinear Parameter Complexity',
    abstract: 'Normalizing flows (NFs) have become a prominent method for deep generative models that allow for an analytic probability density estimation and efficient synthesis.',
    in: ['flow-matching'],
    out: ['llm-inference'],
  },
  {
    trap: 'flow: optical flow',
    title: 'Removing Cost Volumes from Optical Flow Estimators',
    abstract: 'Cost volumes are used in every modern optical flow estimator, but due to their computational and space complexity, they are often a limiting factor regarding both processing speed and the resolution of input frames.',
    in: ['video'],
    out: ['flow-matching'],
  },
  {
    trap: 'flow: optical flow models',
    title: 'Real-Time Intermediate Flow Estimation for Video Frame Interpolation',
    abstract: 'We propose RIFE, a Real-time Intermediate Flow Estimation algorithm for VFI. RIFE does not rely on pre-trained optical flow models and can support arbitrary-timestep frame interpolation.',
    in: ['video'],
    out: ['flow-matching'],
  },
  {
    trap: 'flow: dataflow hardware',
    title: 'SSM-RDU: A Reconfigurable Dataflow Unit for Long-Sequence State-Space Models',
    abstract: 'Long-sequence state-space models (SSMs) such as Hyena and Mamba replace the quadratic complexity of self-attention with more efficient FFT and scan operations. However, modern accelerators like GPUs are poorly suited to these non-GEMM workloads.',
    in: ['hardware', 'state-space-models'],
    out: ['flow-matching'],
  },
  {
    trap: 'flow: a framework named *Flow (serving)',
    title: 'NanoFlow: Towards Optimal Large Language Model Serving Throughput',
    abstract: 'The increasing usage of Large Language Models (LLMs) has resulted in a surging demand for planet-scale serving systems, where tens of thousands of GPUs continuously serve hundreds of millions of users.',
    in: ['llm-inference'],
    out: ['flow-matching'],
  },
  {
    trap: 'flow: a framework named *Flow (RLHF dataflow)',
    title: 'HybridFlow: A Flexible and Efficient RLHF Framework',
    abstract: 'Reinforcement Learning from Human Feedback (RLHF) is widely used in Large Language Model (LLM) alignment. Traditional RL can be modeled as a dataflow, where each node represents computation of a neural network.',
    in: ['reinforcement-learning'],
    out: ['flow-matching', 'hardware'],
  },
  {
    trap: 'flow: a framework named *Flow (distributed training)',
    title: 'OneFlow: Redesign the Distributed Deep Learning Framework from Scratch',
    abstract: 'Deep learning frameworks such as TensorFlow and PyTorch provide a productive interface for expressing and training a deep neural network (DNN) model on a single device or using data parallelism. Still, they may not be flexible or efficient enough in training emerging large models on distributed devices, which require more sophisticated parallelism beyond data parallelism.',
    in: ['distributed-training'],
    out: ['flow-matching'],
  },
  {
    trap: 'stream: streaming inference',
    title: 'Stateful Conformer with Cache-based Inference for Streaming Automatic Speech Recognition',
    abstract: 'In this paper, we propose an efficient and accurate streaming speech recognition model based on the FastConformer architecture.',
    in: ['streaming', 'speech-audio'],
    out: ['dual-stream'],
  },
  {
    trap: 'stream: two-stream network',
    title: 'KUIELab-MDX-Net: A Two-Stream Neural Network for Music Demixing',
    abstract: 'Recently, many methods based on deep learning have been proposed for music source separation. This paper proposes a two-stream neural network for music demixing, called KUIELab-MDX-Net, which shows a good balance of performance and required resources.',
    in: ['dual-stream', 'speech-audio'],
    out: ['streaming'],
  },
  {
    trap: 'stream: two-stream CTR model',
    title: 'FinalMLP: An Enhanced Two-Stream MLP Model for CTR Prediction',
    abstract: 'Click-through rate (CTR) prediction is one of the fundamental tasks for online advertising and recommendation. As such, many two-stream interaction models (e.g., DeepFM and DCN) have been proposed by integrating an MLP network with another dedicated network for enhanced CTR prediction.',
    in: ['dual-stream', 'recommendation'],
    out: ['streaming'],
  },
  {
    trap: 'frequency: spectral method',
    title: 'FcaNet: Frequency Channel Attention Networks',
    abstract: 'In this work, we start from a different view and regard the channel representation problem as a compression process using frequency analysis. Based on the frequency analysis, we mathematically prove that the conventional global average pooling is a special case of the feature decomposition in the frequency domain.',
    in: ['frequency-domain'],
    out: ['finance'],
  },
  {
    trap: 'frequency: high-frequency trading',
    title: 'Research on Optimizing Real-Time Data Processing in High-Frequency Trading Algorithms using Machine Learning',
    abstract: 'High-frequency trading (HFT) represents a pivotal and intensely competitive domain within the financial markets. The objective of this work is to optimise the real-time processing of data in high-frequency trading algorithms.',
    in: ['finance'],
    out: ['frequency-domain'],
  },
  {
    trap: 'dual: dual-stream architecture',
    title: 'xPatch: Dual-Stream Time Series Forecasting with Exponential Seasonal-Trend Decomposition',
    abstract: 'In this work, we design eXponential Patch (xPatch for short), a novel dual-stream architecture that utilizes exponential decomposition. Additionally, we propose a dual-flow architecture that consists of an MLP-based linear stream and a CNN-based non-linear stream.',
    in: ['dual-stream', 'time-series'],
    out: [],
  },
  {
    trap: 'dual: Lagrangian duality',
    title: 'Dual Lagrangian Learning for Conic Optimization',
    abstract: 'This paper presents Dual Lagrangian Learning (DLL), a principled learning methodology for dual conic optimization proxies. DLL leverages conic duality to provide dual-feasible solutions, and therefore valid Lagrangian dual bounds.',
    in: [],
    out: ['dual-stream'],
  },
  {
    trap: 'dual: Lagrangian duality in RL',
    title: 'Efficiently Training Deep-Learning Parametric Policies using Lagrangian Duality',
    abstract: 'Existing Reinforcement Learning (RL) methods often struggle with sample efficiency and effectiveness in finding feasible policies for highly and strictly constrained CMDPs. This paper introduces a novel approach, Two-Stage Deep Decision Rules (TS-DDR), to efficiently train parametric actor policies using Lagrangian Duality.',
    in: ['reinforcement-learning'],
    out: ['dual-stream'],
  },
  {
    trap: 'expert: mixture of experts',
    title: 'Mixture-of-Experts with Expert Choice Routing',
    abstract: 'Sparsely-activated Mixture-of-experts (MoE) models allow the number of parameters to greatly increase while keeping the amount of computation for a given token unchanged.',
    in: ['mixture-of-experts'],
    out: [],
  },
  {
    trap: 'expert: imitating experts',
    title: 'Dual RL: Unification and New Methods for Reinforcement and Imitation Learning',
    abstract: 'The goal of reinforcement learning (RL) is to find a policy that maximizes the expected cumulative return. To fix this limitation, we propose a new discriminator-free method ReCOIL that learns to imitate from arbitrary off-policy data to obtain near-expert performance.',
    in: ['reinforcement-learning'],
    out: ['mixture-of-experts', 'dual-stream'],
  },
  {
    trap: 'expert: following an expert algorithm',
    title: 'Learning for Edge-Weighted Online Bipartite Matching with Robustness Guarantees',
    abstract:
      "While numerous expert online algorithms have been proposed with bounded worst-case competitive ratios, they may not offer satisfactory performance in average cases. On the other hand, reinforcement learning (RL) has been applied to improve the average performance, but it lacks robustness. The key novelty of LOMAR is a new online switching operation which decides whether to follow the expert's decision or the RL decision for each online item.",
    in: ['reinforcement-learning'],
    out: ['mixture-of-experts'],
  },
];

describe('the taxonomy separates the traps', () => {
  it.each(TRAPS)('$trap: $title', ({ title, abstract, in: expected, out }) => {
    const topics = classify({ title, abstract });
    for (const topic of expected) expect(topics).toContain(topic);
    for (const topic of out) expect(topics).not.toContain(topic);
  });
});

describe('rule semantics', () => {
  const rules = (rules: Record<string, unknown>) => compileClassifier([{ slug: 'topic', rules: rules as never }]);

  it('matches case-insensitively in the title or abstract, once by default', () => {
    const classify = rules({ match: ['\\bkv cache\\b'] });
    expect(classify({ title: 'Serving', abstract: 'We evict KV cache entries.' })).toEqual(['topic']);
    expect(classify({ title: 'Serving', abstract: 'We evict entries.' })).toEqual([]);
  });

  it('needs `min_hits` occurrences in the abstract, but one in the title is enough', () => {
    const classify = rules({ match: ['\\bstreaming\\b'], min_hits: 2 });
    expect(classify({ title: 'Encoders', abstract: 'Useful for streaming.' })).toEqual([]);
    expect(classify({ title: 'Encoders', abstract: 'Streaming input needs streaming encoders.' })).toEqual(['topic']);
    expect(classify({ title: 'Streaming encoders', abstract: 'Nothing else.' })).toEqual(['topic']);
  });

  it('counts overlapping matches of several patterns once', () => {
    const classify = rules({ match: ['\\bmixture of experts\\b', '\\bexperts\\b'], min_hits: 2 });
    expect(classify({ title: 'Layers', abstract: 'A mixture of experts.' })).toEqual([]);
    expect(classify({ title: 'Layers', abstract: 'A mixture of experts with many experts.' })).toEqual(['topic']);
  });

  it('assigns nothing when an `unless` pattern occurs', () => {
    const classify = rules({ match: ['\\btrading\\b'], unless: ['\\btrading off\\b'] });
    expect(classify({ title: 'Markets', abstract: 'Algorithmic trading.' })).toEqual(['topic']);
    expect(classify({ title: 'Markets', abstract: 'Algorithmic trading, trading off speed.' })).toEqual([]);
  });

  it('returns topics sorted by slug', () => {
    const classify = compileClassifier([
      { slug: 'video', rules: { match: ['video'] } },
      { slug: 'diffusion-models', rules: { match: ['diffusion'] } },
    ]);
    expect(classify({ title: 'Video diffusion', abstract: '' })).toEqual(['diffusion-models', 'video']);
  });
});

describe('topic schema', () => {
  const topic = (rules: unknown) => topicSchema.safeParse({ title: 'T', description: 'D', rules });
  const messages = (rules: unknown) => {
    const result = topic(rules);
    return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };

  it('fills in the defaults', () => {
    const result = topic({ match: ['x'] });
    expect(result.success && result.data.rules).toEqual({ match: ['x'], min_hits: 1, unless: [] });
  });

  it('refuses broken, empty-matching and back-referencing patterns, naming the field', () => {
    expect(messages({ match: ['(unclosed'] })[0]).toMatch(/^rules\.match\.0: not a valid regular expression/);
    expect(messages({ match: ['a*'] })[0]).toMatch(/^rules\.match\.0: matches the empty string/);
    expect(messages({ match: ['(a)\\1'] })[0]).toMatch(/^rules\.match\.0: backreferences are not supported/);
    expect(messages({ match: [] })[0]).toMatch(/^rules\.match:/);
    expect(messages({ match: ['x'], min_hits: 0 })[0]).toMatch(/^rules\.min_hits:/);
    expect(messages({ match: ['x'], title: ['y'] })[0]).toMatch(/^rules:/);
    expect(messages({ match: ['(?<word>a)', '(?<word>b)'] })[0]).toMatch(/^rules\.match: the patterns cannot be joined/);
  });
});
