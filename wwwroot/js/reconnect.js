// Shows the reconnect dialog while the connection is down (js/start.js keeps retrying every two seconds).
// When the server is back but no longer knows this screen's circuit (it restarted), reload: the page comes back
// with the server's current state, and nobody has to be at the keyboard of the audience screen.
const modal = document.getElementById("components-reconnect-modal");

modal.addEventListener("components-reconnect-state-changed", event => {
    const state = event.detail.state;
    if (state === "show" || state === "retrying") {
        if (!modal.open) modal.showModal();
    } else if (state === "hide") {
        modal.close();
    } else if (state === "rejected") {
        location.reload();
    } else if (state === "failed") {
        reloadWhenServerAnswers();
    }
});

// Reloading while the server is still down would leave a browser error page that never retries.
async function reloadWhenServerAnswers() {
    while (true) {
        try {
            const response = await fetch("/health", { cache: "no-store" });
            if (response.ok) { location.reload(); return; }
        } catch { /* still down */ }
        await new Promise(resolve => setTimeout(resolve, 2000));
    }
}
