// Starts Blazor with a reconnection policy for screens nobody touches: try again every two seconds for as long
// as it takes (a server restart, a dropped Wi-Fi), instead of giving up after a few growing intervals.
// The audience screen marks its connection (?screen=audience): the circuit takes its language from that request,
// and the audience follows the scenario's language, never a presenter's own choice kept in the same browser.
const audience = /^\/watch(\/|$)/i.test(location.pathname);
Blazor.start({
    circuit: {
        reconnectionOptions: {
            maxRetries: 100000,
            retryIntervalMilliseconds: 2000,
        },
        configureSignalR: builder => {
            if (audience) {
                builder.withUrl('_blazor?screen=audience');
            }
        },
    },
});

// "Auto" density is compact in a window shorter than 820px. A media query cannot be part of a selector, so this class
// on <html> carries it into presenter-density.css, which then states each compact rule once.
const shortWindow = matchMedia('(max-height: 820px)');
const markShortWindow = () => document.documentElement.classList.toggle('short-window', shortWindow.matches);
shortWindow.addEventListener('change', markShortWindow);
markShortWindow();
