package cli

import (
	"os"
	"runtime"
	"runtime/debug"
	"sync"
)

// startHeap is the heap a headless command may grow to before its first
// garbage collection. A command on a small blueprint allocates less than
// this in all (parsing the bundled fonts is most of it), so it never
// collects; a large one collects as before once it gets there. The Go
// compiler starts the same way (cmd/compile's AdjustStartingHeap).
const startHeap = 32 << 20

// heapFloor is the state of the start-up heap: while active, collection is
// off up to startHeap, and percent is the GC percent to apply after the
// first collection.
var heapFloor struct {
	sync.Mutex
	once    sync.Once
	active  bool
	percent int
	limit   int64
}

// startHeapFloor turns collection off until the heap reaches startHeap,
// then back on with the process's GC percent and memory limit. It does so
// once per process, and not at all when GOGC or GOMEMLIMIT set the
// collector's pace explicitly.
func startHeapFloor() {
	heapFloor.once.Do(func() {
		if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
			return
		}
		heapFloor.Lock()
		defer heapFloor.Unlock()
		heapFloor.active = true
		heapFloor.limit = debug.SetMemoryLimit(-1) // -1 reads it
		heapFloor.percent = debug.SetGCPercent(-1)
		debug.SetMemoryLimit(startHeap)
		// The sentinel dies in the first collection, which the memory
		// limit triggers at startHeap; its cleanup restores the pace.
		// (A pointer-holding object, so not tiny-allocated.)
		sentinel := new([2]*byte)
		runtime.AddCleanup(sentinel, func(struct{}) { endHeapFloor() }, struct{}{})
	})
}

// endHeapFloor restores the GC percent and the memory limit.
func endHeapFloor() {
	heapFloor.Lock()
	defer heapFloor.Unlock()
	if !heapFloor.active {
		return
	}
	heapFloor.active = false
	debug.SetMemoryLimit(heapFloor.limit)
	debug.SetGCPercent(heapFloor.percent)
}

// setGCPercent is debug.SetGCPercent that keeps the start-up heap: while
// it lasts, percent takes effect at its end. It returns the previous
// setting, for a deferred restore.
func setGCPercent(percent int) int {
	heapFloor.Lock()
	defer heapFloor.Unlock()
	if heapFloor.active {
		old := heapFloor.percent
		heapFloor.percent = percent
		return old
	}
	return debug.SetGCPercent(percent)
}
