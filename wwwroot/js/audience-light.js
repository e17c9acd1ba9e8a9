// The light audience screen: the server renders the audience view once for every light screen and sends each new
// version as a server-sent event (the HTML raw-deflated and base64-encoded, written once for all screens); this script
// unpacks it and puts it in place, in the order the versions came. EventSource reconnects by itself (a restart, a
// dropped network) and the server sends the current view first, so a reconnected screen is up to date at once.
const root = document.getElementById('audience-light');
const source = new EventSource(root.dataset.stream);
let applied = Promise.resolve();

async function unpack(data) {
    const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
    const html = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return await new Response(html).text();
}

source.addEventListener('view', event => {
    const html = unpack(event.data);
    applied = applied.then(async () => {
        root.innerHTML = await html;
        root.dataset.version = event.lastEventId;
    }).catch(() => { root.dataset.connection = 'bad-view'; });
});
source.addEventListener('open', () => { root.dataset.connection = 'open'; });
source.addEventListener('error', () => { root.dataset.connection = 'lost'; });
