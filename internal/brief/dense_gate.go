package brief

import (
	"context"
	"slices"

	"github.com/mss-brief/briefbot/internal/document"
	"github.com/mss-brief/briefbot/internal/lexicon"
)

// The relevance gate, the answer slot and extraction read words. A passage
// the dense list found may say what is asked in other words or another
// language ("petrol was scarce" for "a fuel shortage", Haitian Creole for
// English), so the gate would abstain on the very passage dense retrieval
// was there to find. Before the gate, then, each concept of the question
// that no top passage holds in words is embedded with the sentences of the
// top passages the dense list found; the sentence nearest it in meaning,
// if near enough, is read as holding it: the concept's forms join that
// sentence's terms, for the gate, the slot and the choice of sentences
// alike.

// TextEmbedder embeds texts with the dense list's model; *corpus.Vectors
// is one.
type TextEmbedder interface {
	EmbedTexts(ctx context.Context, texts []string) ([][]float32, error)
}

// minMeaning is how near in meaning (cosine) a sentence must be to a
// concept to hold it, and it must be the nearest of its passage. Set on
// the fake endpoint's embeddings (openaitest.SemanticEmbed: a shared word
// or translation gives 0.35 to 0.5 against a sentence, hashing noise up to
// 0.27); for a real model it is a guess to check (text-embedding-3-small
// puts unrelated short texts near 0.1 to 0.2).
const minMeaning = 0.3

// meanByDense reads the concepts of the question that no top passage holds
// in words, and that a top passage found by the dense list holds in
// meaning, into that passage's nearest sentence (see above). A concept the
// gate already finds keeps the sentences that hold it in words, which the
// slot and extraction then prefer. It does nothing when the searcher
// cannot embed, no top passage came from the dense list, or the endpoint
// fails: the gate then reads words only, as without embeddings.
func (a *Answerer) meanByDense(ctx context.Context, r retrieval) {
	emb, ok := a.search.(TextEmbedder)
	if !ok || len(r.dense) == 0 {
		return
	}
	top := r.hits[:min(gatePassages, len(r.hits))]
	var all []termBag
	var dense []document.Hit
	for _, h := range top {
		_, bags := r.an.of(h)
		all = append(all, r.an.title(h))
		all = append(all, bags...)
		if r.dense[h.ID] {
			dense = append(dense, h)
		}
	}
	var missing []lexicon.Concept
	for _, c := range r.asked {
		if !anyMeets(all, c) {
			missing = append(missing, c)
		}
	}
	if len(missing) == 0 || len(dense) == 0 {
		return
	}
	// One request: the missing concepts, then each passage's sentences.
	var texts []string
	for _, c := range missing {
		texts = append(texts, c.Text)
	}
	first := make([]int, len(dense)) // where each passage's sentences start
	for i, h := range dense {
		sents, _ := r.an.of(h)
		first[i] = len(texts)
		texts = append(texts, sents...)
	}
	vecs, err := emb.EmbedTexts(ctx, texts)
	if err != nil || len(vecs) != len(texts) {
		a.cfg.Log.Debug("dense gate: embedding failed, the gate reads words only", "err", err)
		return
	}
	for i, h := range dense {
		sents, bags := r.an.of(h)
		for j, c := range missing {
			best, bestSim := -1, minMeaning
			for k := range sents {
				if sim := dot(vecs[j], vecs[first[i]+k]); sim >= bestSim {
					best, bestSim = k, sim
				}
			}
			if best >= 0 {
				a.cfg.Log.Debug("dense gate: a sentence holds a concept in meaning", "concept", c.Text, "doc", h.DocID, "similarity", bestSim)
				holdInMeaning(bags[best], c)
			}
		}
	}
}

// holdInMeaning makes bag hold c: its forms, and its word as the gate's
// word test reads it.
func holdInMeaning(bag termBag, c lexicon.Concept) {
	for _, f := range slices.Concat(c.Forms, []string{lexicon.Stem(c.Text, lexicon.English), lexicon.Stem(c.Text, lexicon.French)}) {
		bag.Bag[f] = true
	}
}

// dot is the dot product of two vectors of one length (unit vectors: their
// cosine).
func dot(a, b []float32) float64 {
	var s float64
	for i := range min(len(a), len(b)) {
		s += float64(a[i]) * float64(b[i])
	}
	return s
}
