// The animation player of cnnlib.animate.html: frames as PNG, first/previous/play/next/last and a slider.
// A second set of frames, the panels stacked, is shown on screens up to data.breakpoint px wide.
(function (uid) {
  var root = document.getElementById(uid);
  if (!root || root.dataset.ready) return;
  root.dataset.ready = "1";
  var data = JSON.parse(root.querySelector("script[type='application/json']").textContent);
  var img = root.querySelector("img"), slider = root.querySelector("input"), count = root.querySelector("output");
  var playButton = root.querySelector("[data-act=play]");
  var phone = data.narrow && window.matchMedia ? window.matchMedia("(max-width: " + data.breakpoint + "px)") : null;
  var t = 0, timer = null;
  function frames() { return phone && phone.matches ? data.narrow : data.wide; }
  function show(k) {
    var set = frames();
    t = Math.max(0, Math.min(set.frames.length - 1, k));
    img.src = "data:image/png;base64," + set.frames[t];
    img.width = set.size[0];
    img.height = set.size[1];
    slider.value = t;
    count.textContent = (t + 1) + " / " + set.frames.length;
  }
  function pause() {
    clearInterval(timer);
    timer = null;
    playButton.textContent = "\u25b6";
    playButton.setAttribute("aria-label", data.words.play);
    playButton.title = data.words.play;
  }
  function play() {
    if (t === frames().frames.length - 1) show(0);
    playButton.textContent = "\u275a\u275a";
    playButton.setAttribute("aria-label", data.words.pause);
    playButton.title = data.words.pause;
    timer = setInterval(function () {
      if (t >= frames().frames.length - 1) pause(); else show(t + 1);
    }, data.interval);
  }
  root.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button || !root.contains(button)) return;
    var act = button.dataset.act;
    if (act === "play") { if (timer) pause(); else play(); return; }
    pause();
    show({first: 0, previous: t - 1, next: t + 1, last: frames().frames.length - 1}[act]);
  });
  slider.addEventListener("input", function () { pause(); show(+slider.value); });
  if (phone && phone.addEventListener) phone.addEventListener("change", function () { show(t); });
  show(0);
})
