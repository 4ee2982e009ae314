package corpus

import "github.com/mss-brief/briefbot/internal/lexicon"

// Every comparison of words in the corpus (the index, a query, the rerank
// of sentences) goes through the store's lexicon.Analyzer: the terms a
// passage is indexed under are the terms a question is looked up by.

// relatedWeight is how much a related term (a synonym, another name of the
// same body, a translation) counts beside the question's own word.
const relatedWeight = 0.7

// queryTerm is one index term a query scores, with the share of its idf
// it earns.
type queryTerm struct {
	term   string
	weight float64
}

// concept is one thing a question asks about, weighted by how rare it is
// in the corpus.
type concept struct {
	lexicon.Concept
	weight float64
}

// queryConcepts analyses a question into the concepts worth searching for.
func (s *Store) queryConcepts(text string) []concept {
	cs := s.lex.Query(text)
	out := make([]concept, len(cs))
	for i, c := range cs {
		out[i] = concept{Concept: c, weight: 1}
	}
	return out
}

// sentenceTerms is what the rerank needs of a sentence: its set of index
// terms, its content stems in order (for phrases) and its folded words
// (for the cue: a month is a month before stemming).
type sentenceTerms struct {
	bag   lexicon.Bag
	stems []string
	words []string
}

func (s *Store) analyseSentence(text, lang string) sentenceTerms {
	terms := s.lex.Analyze(text, lang)
	st := sentenceTerms{bag: make(lexicon.Bag, len(terms)), words: make([]string, len(terms))}
	for i, t := range terms {
		st.words[i] = t.Text
		if !t.Stop {
			st.stems = append(st.stems, t.Stem)
			st.bag[t.Stem] = true
		}
	}
	for _, g := range s.lex.Groups(terms, lang) {
		st.bag[g] = true
	}
	return st
}
