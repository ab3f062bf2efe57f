declare module "javascript-lp-solver";
