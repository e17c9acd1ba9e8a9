// Reconnects without anyone at the keyboard: the audience screen must come back by itself after a network
// drop or a server restart. Blazor gives up after its own retries ("failed"); from then on we keep trying
// every few seconds and reload once the server answers but no longer knows the old circuit.
const modal = document.getElementById("components-reconnect-modal");
const retryEveryMs = 2000;
let polling = false;

modal.addEventListener("components-reconnect-state-changed", event => {
    const state = event.detail.state;
    if (state === "show" || state === "retrying") {
        if (!modal.open) modal.showModal();
    } else if (state === "hide") {
        modal.close();
    } else if (state === "failed") {
        pollUntilBack();
    } else if (state === "rejected") {
        location.reload();
    }
});

async function pollUntilBack() {
    if (polling) return;
    polling = true;
    while (true) {
        await new Promise(resolve => setTimeout(resolve, retryEveryMs));
        try {
            const reconnected = await Blazor.reconnect();
            if (reconnected) { modal.close(); break; }
            location.reload();
            break;
        } catch {
            // Server still unreachable; keep trying.
        }
    }
    polling = false;
}
