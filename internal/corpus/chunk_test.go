package corpus

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// sentencePool gives distinct sentences of varied length, so a chunk can be
// checked to hold whole sentences only.
func sentencePool(n int, seed uint64) []string {
	r := rand.New(rand.NewPCG(seed, 1))
	words := strings.Fields("mission police gangs council funding officers capital patrol mandate court deployment vote report budget border port")
	out := make([]string, n)
	for i := range out {
		k := 6 + r.IntN(30)
		ws := []string{fmt.Sprintf("Sentence%d", i)}
		for range k {
			ws = append(ws, words[r.IntN(len(words))])
		}
		out[i] = strings.Join(ws, " ") + "."
	}
	return out
}

func TestChunk(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(7, 7))
	sentences := sentencePool(400, 3)
	// Paragraphs of 1 to 8 sentences, some boilerplate lines between them.
	var paras []string
	for i := 0; i < len(sentences); {
		n := min(1+r.IntN(8), len(sentences)-i)
		paras = append(paras, strings.Join(sentences[i:i+n], " "))
		i += n
		if r.IntN(5) == 0 {
			paras = append(paras, []string{"Share.", "Exit mobile version", "Advertisement", "Read more"}[r.IntN(4)])
		}
	}
	text := strings.Join(paras, "\n\n")
	chunks := Chunk(text)
	known := map[string]bool{}
	for _, s := range sentences {
		known[s] = true
	}
	var got []string
	for i, c := range chunks {
		n := len(strings.Fields(c))
		if n > maxWords || (n < minWords && i < len(chunks)-1) {
			t.Errorf("chunk %d has %d words, want %d to %d (only the last may be shorter)", i, n, minWords, maxWords)
		}
		for _, s := range Sentences(c) {
			if !known[s] {
				t.Errorf("chunk %d holds a piece that is not a whole sentence: %q", i, s)
			}
			got = append(got, s)
		}
		for _, b := range []string{"Share.", "Exit mobile version", "Advertisement", "Read more"} {
			if strings.Contains(c, b) {
				t.Errorf("chunk %d holds boilerplate %q", i, b)
			}
		}
	}
	if !slices.Equal(got, sentences) {
		t.Errorf("chunks hold %d sentences, want all %d in order", len(got), len(sentences))
	}
}

func TestChunkEdges(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("word ", 950) // one "sentence" of 950 words: cut at word boundaries
	tests := []struct {
		name  string
		in    string
		sizes []int
	}{
		{"empty", "", nil},
		{"boilerplate only", "Share.\n\nExit mobile version", nil},
		{"short text is one chunk", "A short text. With two sentences.", []int{6}},
		{"run-on sentence split", long, []int{400, 400, 150}},
		{"short tail joins the chunk before", strings.Repeat("Alpha beta gamma delta epsilon zeta eta theta iota kappa. ", 30) + "\n\nTail words here.", []int{303}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var sizes []int
			for _, c := range Chunk(tt.in) {
				sizes = append(sizes, len(strings.Fields(c)))
			}
			if !slices.Equal(sizes, tt.sizes) {
				t.Errorf("chunk sizes = %v, want %v", sizes, tt.sizes)
			}
		})
	}
}

// normWords is what words survive Paragraphs: markdown heading marks go.
func normWords(s string) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		if w = strings.TrimLeft(w, "#"); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// isSubsequence reports whether every element of sub appears in seq, in order.
func isSubsequence(sub, seq []string) bool {
	i := 0
	for _, s := range seq {
		if i < len(sub) && sub[i] == s {
			i++
		}
	}
	return i == len(sub)
}

func FuzzChunk(f *testing.F) {
	for _, s := range []string{
		"",
		"One sentence. Two sentences! Three?",
		"Share.\n\nReal text here.\n\nExit mobile version",
		"# Heading\n- item\n* item\n\n" + strings.Repeat("word ", 500),
		"Mr. Ruto met Dr. Ali in the U.S. on Sept. 25. “Yes,” he said.",
		strings.Repeat("Short para.\n\n", 100),
		"\xff\xfe invalid \x80 bytes. Then text.",
		"日本語の文章です。次の文。\n\nمرحبا بالعالم. نص آخر.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		chunks := Chunk(text)
		var out []string
		for _, c := range chunks {
			words := strings.Fields(c)
			if len(words) == 0 {
				t.Fatalf("empty chunk from %q", text)
			}
			if len(words) > maxWords {
				t.Fatalf("chunk of %d words, more than %d", len(words), maxWords)
			}
			if utf8.ValidString(text) && !utf8.ValidString(c) {
				t.Fatalf("valid UTF-8 in, invalid out: %q", c)
			}
			out = append(out, words...)
		}
		// Every word kept, in order: exactly the words of the cleaned
		// paragraphs, which are the input's words less boilerplate lines.
		var kept []string
		for _, p := range Paragraphs(text) {
			kept = append(kept, strings.Fields(p)...)
		}
		if !slices.Equal(out, kept) {
			t.Fatalf("chunks hold %d words, paragraphs %d", len(out), len(kept))
		}
		if !isSubsequence(normWords(strings.Join(out, " ")), normWords(text)) {
			t.Fatalf("chunk words are not the input's words in order")
		}
	})
}
