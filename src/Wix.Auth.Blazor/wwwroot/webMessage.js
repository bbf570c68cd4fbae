// The browser's half of a web_message login: a hidden frame at the login URL and a listener for the window's messages.
// It decides nothing: every message's origin and data go to .NET, where the core's WebMessageListener accepts, ignores
// or ends the wait. Only the four fields of the answer travel, and only as strings, so no message can send much.
// Which window sent a message only the browser knows: one from any window but this frame (the page itself, another
// frame, a popup, even at Wix's origin) is passed on without its origin, which the core never accepts.
const fields = ["code", "state", "error", "error_description"];

export function open(url, receiver) {
  const frame = document.createElement("iframe");
  frame.hidden = true;
  frame.setAttribute("aria-hidden", "true");
  frame.tabIndex = -1;
  const listener = event => {
    const data = event.data !== null && typeof event.data === "object" ? {} : null;
    if (data) for (const name of fields) if (typeof event.data[name] === "string") data[name] = event.data[name];
    const origin = event.source === frame.contentWindow ? event.origin : null;
    receiver.invokeMethodAsync("Receive", origin, data).catch(() => { });
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
