package brief

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Delimiters around each source in the digest prompt; source text is
// stripped of them so a document cannot close its own quote.
const (
	digestOpen  = "<<<SOURCE"
	digestClose = "SOURCE>>>"
)

// digestSourceWords is how much of each source the model reads: the lead
// tells the story, and a digest of eight stories must fit one prompt.
const digestSourceWords = 150

type digestPromptSource struct {
	N                                 int
	Title, Publisher, Published, Text string
}

type digestPromptStory struct {
	N       int
	Sources []digestPromptSource
}

type digestPromptData struct {
	Topic, Period, TimeZone, Open, Close string
	Stories                              []digestPromptStory
}

// modelItem is one entry of the model's JSON reply.
type modelItem struct {
	Story    int    `json:"story"`
	Headline string `json:"headline"`
	Summary  string `json:"summary"`
}

// writeWithModel replaces the extractive headlines and summaries of d with
// the model's, story by story; a story the model skipped keeps its
// extractive text. It fails when the model gives nothing usable.
func (g *Digester) writeWithModel(ctx context.Context, d *Digest, stories []story) error {
	data := digestPromptData{Topic: g.topic, Period: d.Period(), TimeZone: d.TimeZone, Open: digestOpen, Close: digestClose}
	for i, s := range stories {
		ps := digestPromptStory{N: i + 1}
		for j, sd := range s.docs {
			src := digestPromptSource{N: d.Items[i].Cites[j], Title: cleanSource(sd.doc.Title), Publisher: cleanSource(DocPublisher(sd.doc)),
				Text: cleanSource(leadFirstWords(sd.opening, digestSourceWords))}
			if !sd.doc.Published.IsZero() {
				src.Published = sd.doc.Published.Format(time.DateOnly)
			}
			ps.Sources = append(ps.Sources, src)
		}
		data.Stories = append(data.Stories, ps)
	}
	var sys, user strings.Builder
	if err := g.prompt.ExecuteTemplate(&sys, "system", data); err != nil {
		return fmt.Errorf("digest prompt: %w", err)
	}
	if err := g.prompt.ExecuteTemplate(&user, "user", data); err != nil {
		return fmt.Errorf("digest prompt: %w", err)
	}
	reply, err := g.model.Chat(ctx, []Message{{Role: "system", Content: sys.String()}, {Role: "user", Content: user.String()}}, nil)
	if err != nil {
		return err
	}
	items, err := parseModelItems(reply)
	if err != nil {
		return err
	}
	written, dropped := 0, 0
	seen := map[int]bool{}
	for _, it := range items {
		i := it.Story - 1
		if i < 0 || i >= len(d.Items) || seen[i] {
			continue
		}
		headline := oneLine(it.Headline)
		summary, n := checkDigestCites(oneLine(it.Summary), d.Items[i].Cites)
		dropped += n
		if headline == "" || summary == "" {
			continue
		}
		seen[i] = true
		d.Items[i].Headline = cutAtWord(headline, 150)
		d.Items[i].Summary = summary
		written++
	}
	if dropped > 0 {
		g.log.Warn("digest: dropped citations the model invented", "dropped", dropped)
	}
	if written == 0 {
		return errors.New("the model's reply held no usable digest item")
	}
	return nil
}

// parseModelItems reads the JSON object in reply, tolerating a code fence
// or words around it.
func parseModelItems(reply string) ([]modelItem, error) {
	i, j := strings.IndexByte(reply, '{'), strings.LastIndexByte(reply, '}')
	if i < 0 || j < i {
		return nil, errors.New("the model's reply held no JSON object")
	}
	var out struct {
		Items []modelItem `json:"items"`
	}
	if err := json.Unmarshal([]byte(reply[i:j+1]), &out); err != nil {
		return nil, fmt.Errorf("the model's reply is not the JSON asked for: %w", err)
	}
	return out.Items, nil
}

// citeGroup matches [3], [3, 4] and [3][4] written as [3;4].
var citeGroup = regexp.MustCompile(`\[\s*\d+(?:\s*[,;]\s*\d+)*\s*\]`)

// checkDigestCites keeps the [n] markers of summary that cite the story's
// own sources, drops the rest (counting them), and adds the story's
// sources the summary left uncited, so every item cites all its sources
// and nothing else.
func checkDigestCites(summary string, cites []int) (string, int) {
	summary = cutAtWord(summary, 600)
	own := map[int]bool{}
	for _, n := range cites {
		own[n] = true
	}
	cited := map[int]bool{}
	dropped := 0
	out := citeGroup.ReplaceAllStringFunc(summary, func(m string) string {
		var b strings.Builder
		for _, f := range strings.FieldsFunc(strings.Trim(m, "[] "), func(r rune) bool { return r == ',' || r == ';' || r == ' ' }) {
			n, err := strconv.Atoi(f)
			if err != nil || !own[n] {
				dropped++
				continue
			}
			cited[n] = true
			fmt.Fprintf(&b, "[%d]", n)
		}
		return b.String()
	})
	out = strings.Join(strings.Fields(out), " ")
	out = strings.ReplaceAll(out, " .", ".")
	if out == "" {
		return "", dropped
	}
	var missing []int
	for _, n := range cites {
		if !cited[n] {
			missing = append(missing, n)
		}
	}
	return out + digestCiteMarks(missing), dropped
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// cleanSource keeps source text from closing its own quote in the prompt.
func cleanSource(s string) string {
	s = strings.ReplaceAll(s, digestOpen, "")
	return strings.ReplaceAll(s, digestClose, "")
}

// Period names the digest's window in its zone, e.g.
// "2 Mar 2026 09:00 – 9 Mar 2026 09:00".
func (d Digest) Period() string {
	const layout = "2 Jan 2006 15:04"
	return d.Start.Format(layout) + " – " + d.End.Format(layout)
}
