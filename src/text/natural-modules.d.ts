// natural ships no types for its single-file modules; these shims cover exactly what
// src/text/natural.ts uses, so the package root (which prints and reads .env) is never typed in.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: {
    stem(token: string): string;
    step1a(token: string): string;
    step1b(token: string): string;
    step1c(token: string): string;
    step5a(token: string): string;
    step5b(token: string): string;
  };
  export default PorterStemmer;
}

declare module 'natural/lib/natural/distance/jaro-winkler_distance.js' {
  const jaroWinkler: (a: string, b: string, options?: { dj?: number; ignoreCase?: boolean }) => number;
  export default jaroWinkler;
}
