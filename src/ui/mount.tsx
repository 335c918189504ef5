import { render, type ComponentChild } from 'preact';
import './pages.css';

/** Renders an extension page's root component into its #app element, under its title. */
export function mountPage(app: ComponentChild, title: string): void {
  document.title = title;
  const root = document.getElementById('app');
  if (root) render(app, root);
}
