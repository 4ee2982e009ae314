package slackbot

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
)

// Home says what the App Home tab shows; cmd/bot builds one from the
// store and the digest scheduler, so this package reads no storage for it.
type Home interface {
	Overview(ctx context.Context) (HomeFacts, error)
}

// HomeFacts is what the home tab shows. Zero times mean "not known".
type HomeFacts struct {
	Documents, Passages int
	Publishers          []PublisherFacts // most documents first
	Newest              []HomeDocument   // newest first
	Feeds               []FeedFacts
	Digests             []DigestFacts
}

// PublisherFacts is one publisher's share of the documents.
type PublisherFacts struct {
	Name      string // "" when the documents name none
	Documents int
}

// HomeDocument is one recent document.
type HomeDocument struct {
	Title, Source, URL string
	Published          time.Time // zero: undated
	Ingested           time.Time
}

// FeedFacts is one configured feed. The poll figures are the store's
// record of the last poll, whichever replica made it.
type FeedFacts struct {
	URL         string
	Documents   int       // documents it brought
	LastItem    time.Time // when the last of them was read
	LastPoll    time.Time // when it was last polled; zero: never
	LastSuccess time.Time // when a poll last succeeded; zero: none has
	LastError   string    // the last poll's error; "" when it succeeded
	Items       int       // items the last poll read
	Added       int       // of them, documents new or changed
}

// DigestFacts is one channel's digest.
type DigestFacts struct {
	Channel    string
	Next       time.Time // the next scheduled post
	LastPosted time.Time // the end of the last period posted
	Location   *time.Location
}

const (
	homeNewest     = 10 // documents listed
	homePublishers = 12 // publishers named; the rest summed
	homeFeeds      = 20
	homeDigests    = 20
)

// homeOpened publishes the home tab when a reader opens it (Slack sends
// the event for the Messages tab too, which shows no view).
func (b *Bot) homeOpened(e *slackevents.AppHomeOpenedEvent) string {
	if e.Tab != "home" || e.User == "" {
		return "ignored"
	}
	b.background(func(ctx context.Context) { b.publishHome(ctx, e.User) })
	return "app_home"
}

// publishHome builds the home view afresh and publishes it for user.
func (b *Bot) publishHome(ctx context.Context, user string) {
	var facts HomeFacts
	var err error
	if b.opt.Home != nil {
		facts, err = b.opt.Home.Overview(ctx)
		if err != nil {
			b.log.Error("home figures unavailable; publishing the home tab without them", "user", user, "err", err)
		}
	}
	figures := homeFigures
	switch {
	case b.opt.Home == nil:
		figures = homeNoFigures
	case err != nil:
		figures = homeFiguresUnavailable
	}
	view := homeView(facts, figures, b.set.Command, b.homeGuide(), b.opt.Now())
	_, perr := b.api.PublishViewContext(ctx, slack.PublishViewContextRequest{UserID: user, View: outgoingView(view)})
	if perr != nil {
		b.metrics.apiErrors.WithLabelValues("views.publish").Inc()
		b.log.Error("home tab not published", "user", user, "err", perr)
	}
}

// outgoingView is outgoing for a view: its blocks pass the same edge.
func outgoingView(v slack.HomeTabViewRequest) slack.HomeTabViewRequest {
	v.Blocks = slack.Blocks{BlockSet: sanitizeBlocks(v.Blocks.BlockSet)}
	return v
}

func header(s string) *slack.HeaderBlock {
	return slack.NewHeaderBlock(slack.NewTextBlockObject(slack.PlainTextType, truncateRunes(s, maxHeaderText), false, false))
}

// What the home tab can say of the corpus.
const (
	homeFigures            = iota
	homeFiguresUnavailable // Overview failed
	homeNoFigures          // no Home configured
)

// homeView lays the facts out as a home tab: the corpus, the newest
// documents, the feeds, the digests and how to ask.
func homeView(f HomeFacts, figures int, command string, guide []string, now time.Time) slack.HomeTabViewRequest {
	var blocks []slack.Block
	add := func(bl ...slack.Block) { blocks = append(blocks, bl...) }
	sections := func(lines []string) {
		for _, part := range packLines(lines, maxSectionText) {
			add(section(part))
		}
	}
	switch {
	case figures == homeNoFigures:
	case figures == homeFiguresUnavailable:
		add(header("What I hold"), section("I cannot read my sources' figures right now; ask me anyway."))
	case f.Documents == 0:
		add(header("What I hold"), section("No documents yet. An admin can add one with `"+command+" add <url>`."))
	default:
		add(header("What I hold"), section("*"+thousands(f.Documents)+"* "+plural(f.Documents, "document", "documents")+
			" in *"+thousands(f.Passages)+"* "+plural(f.Passages, "passage", "passages")+"."))
		var pubs []string
		shown := 0
		for _, p := range f.Publishers[:min(homePublishers, len(f.Publishers))] {
			name := oneLine(p.Name)
			if name == "" {
				name = "publisher unknown"
			}
			pubs = append(pubs, "• "+escape(truncateRunes(name, 80))+": "+thousands(p.Documents))
			shown += p.Documents
		}
		if rest := f.Documents - shown; rest > 0 && len(pubs) > 0 {
			pubs = append(pubs, "• others: "+thousands(rest))
		}
		if len(pubs) > 0 {
			add(section("*By publisher*"))
			sections(pubs)
		}
	}
	if len(f.Newest) > 0 {
		add(slack.NewDividerBlock(), header("Newest documents"))
		var lines []string
		for _, d := range f.Newest[:min(homeNewest, len(f.Newest))] {
			lines = append(lines, "• "+homeDocLine(d))
		}
		sections(lines)
	}
	if len(f.Feeds) > 0 {
		add(slack.NewDividerBlock(), header("Feeds"))
		var lines []string
		for _, fd := range f.Feeds[:min(homeFeeds, len(f.Feeds))] {
			lines = append(lines, "• "+feedLine(fd, now))
		}
		sections(lines)
	}
	if len(f.Digests) > 0 {
		add(slack.NewDividerBlock(), header("Digests"))
		var lines []string
		for _, d := range f.Digests[:min(homeDigests, len(f.Digests))] {
			lines = append(lines, "• "+digestLine(d))
		}
		sections(lines)
	}
	if len(blocks) > 0 {
		add(slack.NewDividerBlock())
	}
	add(header("How to ask"))
	sections(guide)
	add(contextLine("Updated " + now.UTC().Format("2 Jan 2006 15:04") + " UTC, when you opened this tab."))
	return slack.HomeTabViewRequest{Type: slack.VTHomeTab, Blocks: slack.Blocks{BlockSet: blocks}}
}

func homeDocLine(d HomeDocument) string {
	title := truncateRunes(oneLine(d.Title), maxTitle)
	shown := escape(title)
	if l, ok := link(d.URL, title); ok {
		shown = l
	}
	var parts []string
	if s := oneLine(d.Source); s != "" {
		parts = append(parts, escape(truncateRunes(s, 80)))
	}
	if d.Published.IsZero() {
		parts = append(parts, "undated, added "+d.Ingested.UTC().Format(time.DateOnly))
	} else {
		parts = append(parts, d.Published.UTC().Format(time.DateOnly))
	}
	return shown + " — " + strings.Join(parts, ", ")
}

func feedLine(f FeedFacts, now time.Time) string {
	shown, ok := link(f.URL, "")
	if !ok {
		shown = "`" + escape(truncateRunes(f.URL, 200)) + "`"
	}
	parts := []string{thousands(f.Documents) + " " + plural(f.Documents, "document", "documents")}
	if !f.LastItem.IsZero() {
		parts = append(parts, "last new item "+ago(f.LastItem, now))
	}
	if !f.LastPoll.IsZero() {
		polled := "polled " + ago(f.LastPoll, now)
		if f.LastError == "" {
			polled += " (" + thousands(f.Items) + " " + plural(f.Items, "item", "items") + ", " + thousands(f.Added) + " new)"
		}
		parts = append(parts, polled)
	}
	line := shown + ": " + strings.Join(parts, ", ")
	if f.LastError != "" {
		line += "\n   last error: " + escape(truncateRunes(oneLine(f.LastError), 200))
		if f.LastSuccess.IsZero() {
			line += "; no poll has succeeded yet"
		} else {
			line += "; last success " + ago(f.LastSuccess, now)
		}
	}
	return line
}

func digestLine(d DigestFacts) string {
	loc := d.Location
	if loc == nil {
		loc = time.UTC
	}
	line := "`" + escape(d.Channel) + "`: "
	if d.Next.IsZero() {
		line += "no post scheduled"
	} else {
		line += "next " + d.Next.In(loc).Format("Mon 2 Jan 15:04 MST")
	}
	if d.LastPosted.IsZero() {
		line += "; none posted yet"
	} else {
		line += "; last covered up to " + d.LastPosted.In(loc).Format("Mon 2 Jan 15:04 MST")
	}
	return line
}

// ago says when t was, in whole units, with the date once it is old.
func ago(t, now time.Time) string {
	d := now.Sub(t)
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return plural(int(d.Minutes()), "1 minute ago", strconv.Itoa(int(d.Minutes()))+" minutes ago")
	case d < 48*time.Hour:
		return plural(int(d.Hours()), "1 hour ago", strconv.Itoa(int(d.Hours()))+" hours ago")
	}
	return "on " + t.UTC().Format(time.DateOnly)
}

// homeGuide is the "How to ask" part: the ways in, and the topic's examples.
func (b *Bot) homeGuide() []string {
	c := b.set.Command
	lines := []string{
		"• Send me a message in the *Messages* tab, or open me in the assistant pane: every message is a question.",
		"• Mention me in a channel: I answer in the thread, and follow-ups there need no mention.",
		"• `" + c + " <question>`: an answer only you see.",
		"• On any message, *More actions → Brief me on this* answers it in its thread.",
	}
	if len(b.opt.Topic.Examples) > 0 {
		lines = append(lines, "", "*For example:*")
		for _, ex := range b.opt.Topic.Examples[:min(5, len(b.opt.Topic.Examples))] {
			lines = append(lines, "• “"+escape(oneLine(ex))+"”")
		}
	}
	return lines
}
