/**
 * Keep a full-screen element inside the *visual* viewport. iOS Safari does not shrink the
 * layout viewport when the on-screen keyboard opens, so a `position: fixed; inset: 0`
 * panel would keep its input under the keyboard; sizing it to visualViewport fixes that.
 * (Chrome on Android resizes the layout viewport itself and this stays a no-op there.)
 */
export function followVisualViewport(element: HTMLElement, applies: () => boolean = () => true): () => void {
  const viewport = window.visualViewport;
  if (!viewport) return () => {};
  const update = (): void => {
    // A pinch zoom shrinks the visual viewport too; only an unzoomed one means a keyboard.
    const covered = window.innerHeight - viewport.height > 1 && Math.abs(viewport.scale - 1) < 0.01;
    const fit = applies() && covered;
    element.style.height = fit ? `${viewport.height}px` : "";
    element.style.top = fit ? `${viewport.offsetTop}px` : "";
  };
  viewport.addEventListener("resize", update);
  viewport.addEventListener("scroll", update);
  update();
  return () => {
    viewport.removeEventListener("resize", update);
    viewport.removeEventListener("scroll", update);
  };
}
