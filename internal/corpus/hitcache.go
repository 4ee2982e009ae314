package corpus

import (
	"slices"
	"sync"
)

// hitCache keeps the rows (passage and document) of passages the index
// holds, keyed by their ordinal, so that a search whose hits are all here
// reads only passage_log's head from the database: at 1k passages the
// read of eight rows through modernc's SQLite was 60% of a search, the
// head alone a tenth of that read.
//
// An entry is the row the index analysed at that ordinal: it is put only
// from a read whose snapshot the index had applied (or from the load's
// own read of the passage), and its text hashes to what the index holds.
// A passage's row never changes while it lives (a changed document's
// passages are deleted and inserted again, and passage_log says so), and
// an ordinal is never given twice in one generation of the index (a
// rowid reused gets a new one), so an entry stands for as long as its
// ordinal is live: a search whose read of the head shows the index
// current may return it as the database holds it now. After a reload
// (the generation moves on) every entry is dropped.
//
// The bound is in bytes of the strings held, in two halves: when the
// newer half is full it becomes the older one, and the older is dropped;
// an entry found in the older half moves to the newer. So what searches
// keep finding stays, at most maxBytes are held, and nothing is sorted or
// counted per access.
type hitCache struct {
	mu       sync.Mutex
	gen      uint64
	cur, old map[uint32]Hit
	curBytes int
	maxBytes int
	served   int // entries get has given, for tests
}

// hitCacheBytes bounds a store's hit cache: about 4,000 passages of the
// synthetic benchmark's 100 words, some 2,000 real ones of 150-400, and a
// few megabytes of a serving process at any size.
const hitCacheBytes = 4 << 20

// hitCachePrefill is the largest corpus, in passages, whose load fills
// the hit cache: about as many as it holds.
const hitCachePrefill = 4096

func newHitCache(maxBytes int) *hitCache {
	return &hitCache{maxBytes: maxBytes, cur: map[uint32]Hit{}}
}

// hitBytes is about what an entry holds: its strings and the Hit itself.
func hitBytes(h *Hit) int {
	d := &h.Doc
	n := 320 + len(h.Text) + len(h.DocID) + len(d.ID) + len(d.Key) + len(d.Title) + len(d.Source) +
		len(d.URL) + len(d.Lang) + len(d.Hash) + len(d.Origin)
	for _, l := range d.Links {
		n += 16 + len(l)
	}
	return n
}

// get fills hits[i] with the entry of ords[i] for every ordinal held in
// generation gen and reports which were found. The Hit is a copy: its
// Links too, so a caller that changes what it was given changes no entry.
func (c *hitCache) get(gen uint64, ords []uint32, hits []Hit, found []bool) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return 0
	}
	n := 0
	for i, o := range ords {
		h, ok := c.cur[o]
		if !ok {
			if h, ok = c.old[o]; ok {
				delete(c.old, o)
				c.add(o, h, hitBytes(&h))
			}
		}
		if !ok {
			continue
		}
		if len(h.Doc.Links) > 0 {
			h.Doc.Links = slices.Clone(h.Doc.Links)
		}
		hits[i], found[i] = h, true
		n++
	}
	c.served += n
	return n
}

// put keeps h as the row of ordinal o in generation gen: a newer
// generation drops every entry, an older one (a search that ranked before
// a reload) keeps nothing. With onlyRoom it keeps h only if that drops
// no entry (a load filling the cache must not push out its own first
// rows).
func (c *hitCache) put(gen uint64, o uint32, h Hit, onlyRoom bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen < c.gen {
		return
	}
	if gen > c.gen {
		c.gen, c.cur, c.old, c.curBytes = gen, map[uint32]Hit{}, nil, 0
	}
	if _, ok := c.cur[o]; ok {
		return
	}
	size := hitBytes(&h)
	if onlyRoom && c.curBytes+size > c.maxBytes/2 && len(c.old) > 0 {
		return
	}
	delete(c.old, o)
	// The caller's Links are its own: keep a copy it cannot change.
	h.Doc.Links = slices.Clone(h.Doc.Links)
	h.Score, h.BM25 = 0, 0
	c.add(o, h, size)
}

// add puts an entry in the newer half, turning it into the older one
// first when full. The caller holds mu.
func (c *hitCache) add(o uint32, h Hit, size int) {
	if size > c.maxBytes/2 {
		return // one passage larger than half the cache is not kept
	}
	if c.curBytes+size > c.maxBytes/2 {
		c.old, c.cur, c.curBytes = c.cur, make(map[uint32]Hit, len(c.cur)), 0
	}
	c.cur[o] = h
	c.curBytes += size
}

// len is how many entries the cache holds.
func (c *hitCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.cur) + len(c.old)
}
