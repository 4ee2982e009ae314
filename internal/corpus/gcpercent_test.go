package corpus

import (
	"runtime/debug"
	"testing"
)

// TestLowerGCPercent: a load lowers GOGC for its duration and puts back
// what it found; a lower setting, or the collector off, it leaves alone.
// (GOGC is the process's: other tests running meanwhile only collect more
// or less often.)
func TestLowerGCPercent(t *testing.T) {
	orig := debug.SetGCPercent(100)
	defer debug.SetGCPercent(orig)
	for _, tt := range []struct{ found, during int }{{100, 50}, {200, 50}, {30, 30}, {-1, -1}} {
		debug.SetGCPercent(tt.found)
		restore := lowerGCPercent(50)
		during := debug.SetGCPercent(-2)
		debug.SetGCPercent(during)
		restore()
		after := debug.SetGCPercent(tt.found)
		if during != tt.during || after != tt.found {
			t.Errorf("GOGC %d: %d while loading, %d after, want %d and %d", tt.found, during, after, tt.during, tt.found)
		}
	}
}
