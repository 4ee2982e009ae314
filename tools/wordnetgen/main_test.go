package main

import (
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestKeepLemma(t *testing.T) {
	t.Parallel()
	tests := []struct {
		lemma string
		want  bool
	}{
		{"doctor", true},
		{"well-being", true},
		{"", false},
		{"medical_officer", false}, // a phrase: the paraphrase groups'
		{"Haiti", false},           // a name: the glossary's
		{"o'clock", false},
		{"3d", false},
	}
	for _, tt := range tests {
		if got := keepLemma(tt.lemma); got != tt.want {
			t.Errorf("keepLemma(%q) = %v, want %v", tt.lemma, got, tt.want)
		}
	}
}

func TestCleanLemma(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"galore(ip)": "galore", "doctor": "doctor", "(p)": "(p)"} {
		if got := cleanLemma(in); got != want {
			t.Errorf("cleanLemma(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestRun writes the table of a two-synset dict: a synset with one lemma
// to offer is "-", keeping the order of the word's other senses, and a
// tagged sense carries its count.
func TestRun(t *testing.T) {
	t.Parallel()
	dict := t.TempDir()
	files := map[string]string{
		"index.sense": "doctor%1:18:00:: 00000001 1 7\n",
		"data.noun":   "  licence header line\n00000001 18 n 02 doctor 0 physician 0 | a doctor\n00000002 18 n 01 doctor 0 | a title\n",
		"index.noun":  "doctor n 2 0 2 1 00000002 00000001\nphysician n 1 0 1 0 00000001\n",
	}
	for _, p := range parts {
		for _, kind := range []string{"data.", "index."} {
			if _, ok := files[kind+p.file]; !ok {
				files[kind+p.file] = ""
			}
		}
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dict, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "wordnet.txt.gz")
	if err := run(dict, out); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	want := header + "doctor physician\n%%\ndoctor n:-,0/7\nphysician n:0\n"
	if got := string(data); got != want {
		t.Errorf("table =\n%s\nwant\n%s", got, want)
	}
}
