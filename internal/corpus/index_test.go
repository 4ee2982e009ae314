package corpus

import (
	"slices"
	"testing"
)

// TestPostingsRoundTrip: the compact postings give back every ordinal and
// frequency added, whatever their size (one-byte and longer gaps, a
// frequency of 255 or more).
func TestPostingsRoundTrip(t *testing.T) {
	t.Parallel()
	type entry struct{ o, tf uint32 }
	tests := []struct {
		name string
		in   []entry
	}{
		{"first ordinal zero", []entry{{0, 1}, {1, 2}, {2, 1}}},
		{"small gaps", []entry{{5, 1}, {6, 3}, {130, 1}}},
		{"large gaps", []entry{{1 << 20, 1}, {1<<20 + 200, 7}, {1 << 31, 2}}},
		{"frequencies at the byte's end", []entry{{1, 254}, {2, 255}, {3, 256}, {4, 65535}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var p postings
			for _, e := range tt.in {
				p.add(e.o, e.tf)
			}
			var got []entry
			p.each(func(o, tf uint32) { got = append(got, entry{o, tf}) })
			if !slices.Equal(got, tt.in) || int(p.df) != len(tt.in) {
				t.Errorf("got %v (df %d), want %v", got, p.df, tt.in)
			}
		})
	}
}
