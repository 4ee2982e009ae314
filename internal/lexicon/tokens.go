package lexicon

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Token is one word or number of a text: Text is folded (lower case, no
// accents, digit groups joined), Start and End are byte offsets of the
// original word in the text, so a caller can quote what was written.
type Token struct {
	Text       string
	Start, End int
}

// Fold lower-cases s and removes its accents ("Kényans" -> "kenyans",
// "Œuvre" -> "oeuvre"): the form every comparison works on.
func Fold(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	s = ligatures.Replace(s)
	folded, _, err := transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), s)
	if err != nil {
		folded = s
	}
	return strings.ToLower(folded)
}

var ligatures = strings.NewReplacer("œ", "oe", "Œ", "Oe", "æ", "ae", "Æ", "Ae", "ß", "ss", "ﬁ", "fi", "ﬂ", "fl")

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// elisions are the French articles and pronouns written onto the next word
// with an apostrophe ("l'ONU", "d'Haïti", "qu'il"): dropped, so the word
// itself is what is compared. "jusqu'" stays a word (a stop word): it
// opens the date a span runs to, as "until" does (HoldsSpan).
var elisions = map[string]bool{"l": true, "d": true, "qu": true, "n": true, "s": true, "j": true, "c": true, "m": true, "t": true, "lorsqu": true, "puisqu": true}

// Tokens splits text into words and numbers. Apostrophes end a French
// elision ("l'ONU" -> "onu") and an English possessive ("Kenya's" ->
// "kenya"); a number written with group separators is one token
// ("5,550", "5 550" and "5.550" all become "5550"; "1.3" and "1,3" become
// "1.3").
func Tokens(text string) []Token {
	out := make([]Token, 0, len(text)/6) // about one word in six bytes
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case '0' <= r && r <= '9':
			// Only ASCII digits start a number: number reads those, and a
			// digit of another script ("۲") would read as none, for ever.
			t, next := number(text, i)
			out = append(out, t)
			i = next
		case unicode.IsLetter(r):
			start := i
			j := i
			for j < len(text) {
				if c := text[j]; c < utf8.RuneSelf {
					// ASCII, most of every text: no decoding, no tables.
					if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
						j++
						continue
					}
					if c != '\'' {
						break
					}
				}
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) || unicode.Is(unicode.Mn, r2) {
					j += s2
					continue
				}
				if isApostrophe(r2) && j+s2 < len(text) {
					word := Fold(text[start:j])
					if elisions[word] {
						// "l'ONU": the article goes, the word starts after it.
						start = j + s2
						j = start
						continue
					}
					if next, _ := utf8.DecodeRuneInString(text[j+s2:]); next == 's' || next == 'S' {
						// "Kenya's": the word ends here; skip the "'s".
						after := j + s2 + 1
						if after >= len(text) || !isWordRune(text[after:]) {
							out = append(out, Token{Text: Fold(text[start:j]), Start: start, End: j})
							start, j = after, after
							break
						}
					}
				}
				break
			}
			if j > start {
				out = append(out, Token{Text: Fold(text[start:j]), Start: start, End: j})
			}
			i = max(j, i+size)
		case r == '%':
			// "80%" says "80 percent": read as the word, a question about
			// a share finds it.
			out = append(out, Token{Text: "percent", Start: i, End: i + size})
			i += size
		default:
			i += size
		}
	}
	return out
}

func isWordRune(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// number reads a number starting at i: digits, then groups of exactly three
// digits after a comma, a dot or a (narrow, no-break) space, which are
// thousands separators when the group before is at most three digits long;
// a comma or dot followed by one or two digits is a decimal point.
func number(text string, i int) (Token, int) {
	start := i
	j := digitsEnd(text, i)
	var b strings.Builder
	b.WriteString(text[i:j])
	group := j - i
	for j < len(text) && group <= 3 {
		sep, size := utf8.DecodeRuneInString(text[j:])
		if !isNumberSeparator(sep) {
			break
		}
		k := j + size
		end := digitsEnd(text, k)
		if end-k == 3 {
			b.WriteString(text[k:end])
			j, group = end, 3
			continue
		}
		if (sep == ',' || sep == '.') && (end-k == 1 || end-k == 2) {
			b.WriteByte('.')
			b.WriteString(text[k:end])
			j = end
		}
		break
	}
	return Token{Text: b.String(), Start: start, End: j}, j
}

func isNumberSeparator(r rune) bool {
	switch r {
	case ',', '.', ' ', '\u00a0', '\u202f', '\u2009':
		return true
	}
	return false
}

func digitsEnd(text string, i int) int {
	for i < len(text) && text[i] >= '0' && text[i] <= '9' {
		i++
	}
	return i
}
