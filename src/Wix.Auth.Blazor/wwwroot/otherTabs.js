// Tells .NET when another tab of this browser changed a session kept in localStorage: the browser fires "storage" in
// every other tab of the origin, never in the tab that wrote. It decides nothing; .NET reads the store again.
export function watch(prefix, receiver) {
  const listener = event => {
    if (event.storageArea === window.localStorage && (event.key === null || event.key.startsWith(prefix)))
      receiver.invokeMethodAsync("Changed").catch(() => { });
  };
  window.addEventListener("storage", listener);
}
