declare module 'virtual:app-stylesheet' {
  const href: string;
  export default href;
}
