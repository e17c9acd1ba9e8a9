// Starts Blazor with a reconnection policy for screens nobody touches: try again every two seconds for as long
// as it takes (a server restart, a dropped Wi-Fi), instead of giving up after a few growing intervals.
Blazor.start({
    circuit: {
        reconnectionOptions: {
            maxRetries: 100000,
            retryIntervalMilliseconds: 2000,
        },
    },
});
