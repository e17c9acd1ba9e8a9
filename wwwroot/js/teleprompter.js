// Auto-scroll and reading-line highlight for the teleprompter pane. State is kept per element.
const states = new WeakMap();
const readingLine = 0.3; // a third down the pane, where the eye rests while speaking

export function attach(element, speed) {
    const state = { speed, playing: false, last: 0, frame: 0, position: element.scrollTop };
    states.set(element, state);
    element.addEventListener("scroll", () => { state.position = element.scrollTop; highlight(element); });
    highlight(element);
}

export function setSpeed(element, speed) {
    const state = states.get(element);
    if (state) state.speed = speed;
}

export function play(element) {
    const state = states.get(element);
    if (!state || state.playing) return;
    state.playing = true;
    state.last = performance.now();
    const step = now => {
        if (!state.playing) return;
        state.position += state.speed * (now - state.last) / 1000;
        state.last = now;
        element.scrollTop = state.position;
        highlight(element);
        state.frame = requestAnimationFrame(step);
    };
    state.frame = requestAnimationFrame(step);
}

export function pause(element) {
    const state = states.get(element);
    if (!state) return;
    state.playing = false;
    cancelAnimationFrame(state.frame);
}

export function reset(element) {
    const state = states.get(element);
    pause(element);
    element.scrollTop = 0;
    if (state) state.position = 0;
    highlight(element);
}

export function detach(element) {
    pause(element);
    states.delete(element);
}

function highlight(element) {
    const line = element.getBoundingClientRect().top + element.clientHeight * readingLine;
    let current = null;
    for (const paragraph of element.querySelectorAll("p, li")) {
        const box = paragraph.getBoundingClientRect();
        paragraph.classList.remove("current");
        if (box.top <= line && box.bottom >= line) current = paragraph;
        else if (!current && box.top > line) current = paragraph;
    }
    if (current) current.classList.add("current");
}
