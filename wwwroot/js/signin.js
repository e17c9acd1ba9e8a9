// The printed sign-in link carries the key in the URL fragment (#key=...), which browsers never send to the
// server, so it stays out of request logs. Fill it in and remove it from the address bar.
(function () {
    const match = /[#&]key=([^&]+)/.exec(location.hash);
    if (!match) return;
    document.getElementById("signin-key").value = decodeURIComponent(match[1]);
    history.replaceState(null, "", location.pathname + location.search);
})();
