package corpus

import (
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
	"time"
)

// BenchmarkDenseSearch measures the scan at the size the issue names (100k
// passages × 768 dimensions, int8 in memory): p95 latency of one query's
// top 24 and the memory the vectors take, and how much of the exact
// float32 top 10 the int8 scan finds in its own top 10 (recall10) and in
// the top 10+rescoreExtra that DenseSearch rescores exactly
// (recall10-rescored). Run with -cpu 2 for the 2-core figure. Random unit
// vectors are the hard case: their similarities crowd together.
func BenchmarkDenseSearch(b *testing.B) {
	const n, dim, k, seed = 100_000, 768, 24, 1
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	vx := newVecIndex("bench")
	vx.dim = dim
	vx.ids = make([]int64, n)
	vx.data = make([]int8, n*dim)
	vx.scale = make([]float32, n)
	rng := rand.New(rand.NewPCG(seed, 2))
	row := make([]float32, dim)
	for i := range n {
		vx.ids[i] = int64(i + 1)
		vx.pos[int64(i+1)] = i
		unit(rng, row)
		vx.scale[i] = quantize(row, vx.data[i*dim:(i+1)*dim])
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	queries := make([][]float32, 64)
	qrng := rand.New(rand.NewPCG(7, 8))
	for i := range queries {
		queries[i] = make([]float32, dim)
		unit(qrng, queries[i])
	}
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		if len(vx.topK(queries[i%len(queries)], k, nil)) != k {
			b.Fatal("short result")
		}
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)*95/100].Microseconds())/1000, "p95-ms")
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MiB")

	// The exact top 10 of 16 queries, from the same vectors made again.
	const nq, top = 16, 10
	exact := make([]minHeap, nq)
	rng = rand.New(rand.NewPCG(seed, 2))
	for i := range n {
		unit(rng, row)
		for qi := range nq {
			var d float64
			for j, x := range row {
				d += float64(x) * float64(queries[qi][j])
			}
			h := &exact[qi]
			if len(*h) < top {
				*h = append(*h, scored{id: int64(i + 1), score: d})
				if len(*h) == top {
					slices.SortFunc(*h, func(a, b scored) int { return cmpScore(a.score, b.score) })
				}
			} else if d > (*h)[0].score {
				(*h)[0] = scored{id: int64(i + 1), score: d}
				slices.SortFunc(*h, func(a, b scored) int { return cmpScore(a.score, b.score) })
			}
		}
	}
	found := func(cands int) float64 {
		hit := 0
		for qi := range nq {
			got := map[int64]bool{}
			for _, s := range vx.topK(queries[qi], cands, nil) {
				got[s.id] = true
			}
			for _, e := range exact[qi] {
				if got[e.id] {
					hit++
				}
			}
		}
		return float64(hit) / (nq * top)
	}
	b.ReportMetric(found(top), "recall10")
	b.ReportMetric(found(top+rescoreExtra), "recall10-rescored")
	runtime.KeepAlive(vx)
}

func cmpScore(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func unit(rng *rand.Rand, v []float32) {
	var s float32
	for j := range v {
		v[j] = float32(rng.NormFloat64())
		s += v[j] * v[j]
	}
	s = 1 / float32(math.Sqrt(float64(s)))
	for j := range v {
		v[j] *= s
	}
}
