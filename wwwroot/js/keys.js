// Presentation clickers send PageUp/PageDown (some send arrow keys); number keys jump to a part.
// Escape asks to stop everything (a confirmation opens); it is left alone while a dialog or menu is open, where it
// closes that instead. Keys typed into a text field are never taken.
let handler = null;

function isTyping(target) {
    if (!target) return false;
    const tag = target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || target.isContentEditable;
}

export function register(dotnet) {
    unregister();
    handler = event => {
        if (event.ctrlKey || event.altKey || event.metaKey || isTyping(event.target)) return;
        const key = event.key;
        if (key === "Escape" && document.querySelector(".mud-dialog-container, .mud-popover-open")) return;
        if (["ArrowRight", "ArrowLeft", "PageDown", "PageUp", "Home", "p", "Escape"].includes(key) || /^[1-9]$/.test(key)) {
            event.preventDefault();
            dotnet.invokeMethodAsync("OnKeyAsync", key);
        }
    };
    document.addEventListener("keydown", handler);
    // Lets scripts and browser tests know the keys are live (registration follows the first render).
    document.body.dataset.keys = "ready";
}

export function unregister() {
    if (handler) document.removeEventListener("keydown", handler);
    handler = null;
    delete document.body.dataset.keys;
}
