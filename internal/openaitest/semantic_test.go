package openaitest

import "testing"

func dot(a, b []float32) float64 {
	var s float64
	for i := range a {
		s += float64(a[i]) * float64(b[i])
	}
	return s
}

func TestSemanticEmbedCarriesMeaning(t *testing.T) {
	q := SemanticEmbed("Was there a fuel shortage?", SemanticDims)
	para := SemanticEmbed("Petrol was scarce at the pumps.", SemanticDims)
	other := SemanticEmbed("Schools closed in the capital.", SemanticDims)
	if dot(q, para) <= dot(q, other)+0.2 {
		t.Errorf("paraphrase %.2f, unrelated %.2f", dot(q, para), dot(q, other))
	}
	en := SemanticEmbed("police arrested five gang members", SemanticDims)
	ht := SemanticEmbed("Lapolis arete senk bandi", SemanticDims)
	if dot(en, ht) < 0.4 {
		t.Errorf("translation similarity %.2f", dot(en, ht))
	}
	if a, b := SemanticEmbed("same text", 64), SemanticEmbed("same text", 64); dot(a, b) < 0.9999 || len(a) != 64 {
		t.Errorf("same text: %.4f, %d dims", dot(a, b), len(a))
	}
}
