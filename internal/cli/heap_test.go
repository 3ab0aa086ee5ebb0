package cli

import (
	"runtime"
	"runtime/debug"
	"sync"
	"testing"
	"time"
)

// TestHeapFloor checks the start-up heap: collection is off up to
// startHeap, a GC percent set meanwhile waits for its end, and the first
// collection restores the pace with that percent and the old limit.
func TestHeapFloor(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	oldPercent := debug.SetGCPercent(100)
	oldLimit := debug.SetMemoryLimit(-1)
	t.Cleanup(func() {
		endHeapFloor()
		debug.SetGCPercent(oldPercent)
		debug.SetMemoryLimit(oldLimit)
	})
	heapFloor.once = sync.Once{}

	startHeapFloor()
	if got := debug.SetMemoryLimit(-1); got != startHeap {
		t.Errorf("memory limit during start-up = %d, want %d", got, startHeap)
	}
	if got := debug.SetGCPercent(-1); got != -1 {
		t.Errorf("GC percent during start-up = %d, want -1 (off)", got)
	}
	if got := setGCPercent(25); got != 100 {
		t.Errorf("setGCPercent returned %d, want the 100 in force before", got)
	}
	if got := debug.SetGCPercent(-1); got != -1 {
		t.Errorf("setGCPercent during start-up turned collection on (%d)", got)
	}

	// The first collection ends the start-up heap (its cleanup runs on
	// another goroutine soon after).
	for i := 0; ; i++ {
		runtime.GC()
		heapFloor.Lock()
		active := heapFloor.active
		heapFloor.Unlock()
		if !active {
			break
		}
		if i == 1000 {
			t.Fatal("the start-up heap did not end after 1,000 collections")
		}
		time.Sleep(time.Millisecond)
	}
	if got := debug.SetGCPercent(25); got != 25 {
		t.Errorf("GC percent after start-up = %d, want the 25 set during it", got)
	}
	if got := debug.SetMemoryLimit(-1); got != oldLimit {
		t.Errorf("memory limit after start-up = %d, want %d", got, oldLimit)
	}
	if got := setGCPercent(40); got != 25 {
		t.Errorf("setGCPercent after start-up returned %d, want 25", got)
	}
	if got := debug.SetGCPercent(100); got != 40 {
		t.Errorf("setGCPercent after start-up did not apply: %d", got)
	}

	// GOGC set by the user wins: no start-up heap.
	t.Setenv("GOGC", "100")
	heapFloor.once = sync.Once{}
	startHeapFloor()
	if got := debug.SetMemoryLimit(-1); got != oldLimit {
		t.Errorf("with GOGC set, the memory limit became %d", got)
	}
}
