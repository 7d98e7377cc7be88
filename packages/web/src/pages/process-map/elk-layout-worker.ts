// ELK's layout engine in a worker thread, so laying out a large map (seconds for long arcs and
// labels) never freezes the page. The engine script registers its own message handler.
import 'elkjs/lib/elk-worker.min.js';
