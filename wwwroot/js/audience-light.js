// The light audience screen: the server renders the audience view once for every light screen and sends each new
// version as a server-sent event; this script puts it in place. EventSource reconnects by itself (a restart, a dropped
// network) and the server sends the current view first, so a reconnected screen is up to date at once.
const root = document.getElementById('audience-light');
const source = new EventSource(root.dataset.stream);
source.addEventListener('view', event => {
    root.innerHTML = event.data;
    root.dataset.version = event.lastEventId;
});
source.addEventListener('open', () => { root.dataset.connection = 'open'; });
source.addEventListener('error', () => { root.dataset.connection = 'lost'; });
