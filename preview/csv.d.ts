/** CSV files bundled as text by esbuild's text loader. */
declare module "*.csv" {
  const text: string;
  export default text;
}
