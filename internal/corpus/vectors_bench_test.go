package corpus

import (
	"context"
	"fmt"
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

// BenchmarkDenseSearchAround measures what DenseSearch adds to the scan
// that BenchmarkDenseSearch times: the k+rescoreExtra candidates' float32
// vectors read back from SQLite and rescored, and the hits loaded. It does
// not grow with the number of vectors (primary-key reads), so a few hundred
// passages stand for 100k; the query's embedding is a fixed vector, not a
// request. p95 of DenseSearch here plus the scan's p95 bounds a search.
func BenchmarkDenseSearchAround(b *testing.B) {
	const n, dim, k = 300, 768, 24
	ctx := context.Background()
	s := openTestStore(b)
	rng := rand.New(rand.NewPCG(3, 4))
	var ids []int64
	vecs := make([][]float32, n)
	for i := range n {
		mustPut(b, s, Document{Title: fmt.Sprintf("Note %d", i), URL: fmt.Sprintf("https://example.org/%d", i),
			Text: fmt.Sprintf("Note %d says the council met %d times about the mission.", i, i)})
		vecs[i] = make([]float32, dim)
		unit(rng, vecs[i])
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM passages ORDER BY id`)
	if err != nil {
		b.Fatal(err)
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			b.Fatal(err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := s.PutVectors(ctx, "bench", ids, vecs); err != nil {
		b.Fatal(err)
	}
	q := make([]float32, dim)
	unit(rng, q)
	v := NewVectors(s, fixedEmbedder{q}, 0, nil)
	if hits, err := v.DenseSearch(ctx, Query{Text: "q", K: k}); err != nil || len(hits) != k {
		b.Fatalf("%d hits, %v", len(hits), err)
	}
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for b.Loop() {
		start := time.Now()
		if _, err := v.DenseSearch(ctx, Query{Text: "q", K: k}); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)*95/100].Microseconds())/1000, "p95-ms")
}

// fixedEmbedder embeds every text as one vector, without a request.
type fixedEmbedder struct{ v []float32 }

func (e fixedEmbedder) Embed(_ context.Context, texts []string) ([][]float32, error) {
	out := make([][]float32, len(texts))
	for i := range out {
		out[i] = e.v
	}
	return out, nil
}

func (fixedEmbedder) Model() string { return "bench" }

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
