package brief

import (
	"strconv"
	"time"

	"github.com/mss-brief/briefbot/internal/lexicon"
)

// monthNumbers maps folded English and French month names (and the usual
// abbreviations) to their number.
var monthNumbers = map[string]time.Month{
	"january": 1, "jan": 1, "janvier": 1, "february": 2, "feb": 2, "fevrier": 2, "march": 3, "mar": 3, "mars": 3,
	"april": 4, "apr": 4, "avril": 4, "may": 5, "mai": 5, "june": 6, "jun": 6, "juin": 6, "july": 7, "jul": 7,
	"juillet": 7, "august": 8, "aug": 8, "aout": 8, "september": 9, "sep": 9, "sept": 9, "septembre": 9,
	"october": 10, "oct": 10, "octobre": 10, "november": 11, "nov": 11, "novembre": 11, "december": 12,
	"dec": 12, "decembre": 12,
}

// latestStatedDate returns the latest date a text states with at least a
// month and a year ("30 September 2025", "September 30, 2025", "July
// 2024"); a month without a day counts as its first day. A year alone says
// too little ("since 2004") and is not read.
func latestStatedDate(text string) (time.Time, bool) {
	toks := lexicon.Tokens(text)
	var best time.Time
	for i, t := range toks {
		m, ok := monthNumbers[t.Text]
		if !ok {
			continue
		}
		day, year := 1, 0
		next := func(j int) (int, bool) {
			if j >= len(toks) {
				return 0, false
			}
			n, err := strconv.Atoi(toks[j].Text)
			return n, err == nil
		}
		if y, ok := next(i + 1); ok && y >= 1900 && y <= 2100 {
			year = y // "July 2024", "30 September 2025"
			if d, ok := prevDay(toks, i); ok {
				day = d
			}
		} else if d, ok := next(i + 1); ok && d >= 1 && d <= 31 {
			if y, ok := next(i + 2); ok && y >= 1900 && y <= 2100 {
				day, year = d, y // "September 30, 2025"
			}
		}
		if year == 0 {
			continue
		}
		if d := time.Date(year, m, day, 0, 0, 0, 0, time.UTC); d.After(best) {
			best = d
		}
	}
	return best, !best.IsZero()
}

// prevDay reads a day of the month just before a month name ("30" in
// "30 September").
func prevDay(toks []lexicon.Token, i int) (int, bool) {
	if i == 0 {
		return 0, false
	}
	d, err := strconv.Atoi(toks[i-1].Text)
	return d, err == nil && d >= 1 && d <= 31
}
