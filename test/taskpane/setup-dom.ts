// jest setupFiles: what jsdom lacks and Fluent UI needs. Runs for every test file; does
// nothing in the node environment.
if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  class ResizeObserverStub {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = ResizeObserverStub;
}

// jsdom lays nothing out, so every size is 0 and a virtualised list would show no row. The pane's
// one virtual scroller (role listbox) gets a task pane's viewport, and its rows a row's height.
if (typeof window !== "undefined") {
  const sized = (self: HTMLElement, size: number) => (self.getAttribute("role") === "listbox" ? size : 0);
  Object.defineProperty(HTMLElement.prototype, "clientHeight", {
    configurable: true,
    get(this: HTMLElement) {
      return sized(this, 600);
    },
  });
  Object.defineProperty(HTMLElement.prototype, "clientWidth", {
    configurable: true,
    get(this: HTMLElement) {
      return sized(this, 350);
    },
  });
  Object.defineProperty(HTMLElement.prototype, "offsetHeight", {
    configurable: true,
    get(this: HTMLElement) {
      return this.hasAttribute("data-index") ? 60 : 0;
    },
  });
}
