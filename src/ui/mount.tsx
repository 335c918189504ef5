import { render, type ComponentChild } from 'preact';
import './pages.css';

/** Renders an extension page's root component into its #app element. */
export function mountPage(app: ComponentChild): void {
  const root = document.getElementById('app');
  if (root) render(app, root);
}
