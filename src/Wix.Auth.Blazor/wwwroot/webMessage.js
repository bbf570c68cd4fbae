// The browser's half of a web_message login: a hidden frame at the login URL and a listener for the window's messages.
// It decides nothing: every message's origin and data go to .NET, where the core's WebMessageListener accepts, ignores
// or ends the wait. Only the four fields of the answer travel, and only as strings, so no message can send much.
const fields = ["code", "state", "error", "error_description"];

export function open(url, receiver) {
  const frame = document.createElement("iframe");
  frame.hidden = true;
  frame.setAttribute("aria-hidden", "true");
  frame.tabIndex = -1;
  const listener = event => {
    const data = event.data !== null && typeof event.data === "object" ? {} : null;
    if (data) for (const name of fields) if (typeof event.data[name] === "string") data[name] = event.data[name];
    receiver.invokeMethodAsync("Receive", event.origin, data).catch(() => { });
  };
  window.addEventListener("message", listener);
  frame.src = url;
  document.body.appendChild(frame);
  return {
    close() {
      window.removeEventListener("message", listener);
      frame.remove();
    },
  };
}
