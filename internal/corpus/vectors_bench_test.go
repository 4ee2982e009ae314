package corpus

import (
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
	"time"
)

// BenchmarkDenseSearch measures the exact scan at the size the issue names
// (100k passages × 768 dimensions): p95 latency of one query's top 24 and
// the memory the vectors take. Run with -cpu 2 for the 2-core figure.
func BenchmarkDenseSearch(b *testing.B) {
	const n, dim, k = 100_000, 768, 24
	rng := rand.New(rand.NewPCG(1, 2))
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	vx := newVecIndex("bench")
	vx.dim = dim
	vx.ids = make([]int64, n)
	vx.data = make([]float32, n*dim)
	for i := range n {
		vx.ids[i] = int64(i + 1)
		vx.pos[int64(i+1)] = i
		unit(rng, vx.data[i*dim:(i+1)*dim])
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	queries := make([][]float32, 64)
	for i := range queries {
		queries[i] = make([]float32, dim)
		unit(rng, queries[i])
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
	runtime.KeepAlive(vx)
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
