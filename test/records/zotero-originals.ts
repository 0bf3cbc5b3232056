/**
 * Records as typed into Zotero, with every character its BibTeX export escapes. The fixture
 * `zotero-export.bib` is what Zotero's export makes of them; the tests read it back.
 */
export const ZOTERO_ORIGINALS = [
  {
    key: 'escapes2024',
    title: 'LoRA^2: {Low}-rank adapters ~ 50% cheaper & faster',
    abstract:
      'We minimise L = \\sum_i \\|W_i\\|^2 + \\lambda |x| over {0,1}^d with $\\alpha$ = 0.5, so cost ~ 50% & 3 # steps_total < 5 > 2; C:\\models\\lora and a lone { brace.',
  },
  {
    key: 'unicode2024',
    title: 'Über naïve fine-tuning of GPT-4o',
    abstract: 'Scaling α-β by 10⁻³ with “smart quotes”, an en dash – and DoRA, QLoRA and PiSSA compared.',
  },
  {
    key: 'ligatures2024',
    title: 'Fine-tuning -- as TeX reads it',
    abstract: "Zotero leaves TeX's ligatures alone: ``quoted'' text and 1--10 become “quoted” and 1–10, as LaTeX prints them.",
  },
];
