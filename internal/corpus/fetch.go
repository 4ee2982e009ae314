package corpus

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"path"
	"strings"
	"syscall"
	"time"
)

// contentKind is how a file or page is read.
type contentKind int

const (
	kindUnknown contentKind = iota
	kindText
	kindMarkdown
	kindHTML
	kindPDF
	kindFeed
)

// fetched is a page read over HTTP within the ingest limits.
type fetched struct {
	body        []byte
	contentType string // as the server sent it
	finalURL    *url.URL
}

// HTTPStatusError is a page that answered with a status other than 2xx.
type HTTPStatusError struct {
	URL  string
	Code int
}

func (e *HTTPStatusError) Error() string {
	return fmt.Sprintf("HTTP %d %s", e.Code, http.StatusText(e.Code))
}

// tooLarge names the cap so the reader knows which setting to raise.
func tooLarge(what string, limit int64) error {
	return fmt.Errorf("%s larger than %s (the cap set by ingest.max_bytes)", what, formatBytes(limit))
}

func formatBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	default:
		return fmt.Sprintf("%d bytes", n)
	}
}

// newHTTPClient builds the client for pages and feeds: the whole exchange,
// body included, must finish within timeout, and at most maxRedirects
// redirects are followed, to http or https only.
func newHTTPClient(timeout time.Duration, maxRedirects int, publicOnly bool) *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.ResponseHeaderTimeout = timeout
	if publicOnly {
		// Checked on the address actually dialled, so neither a redirect nor
		// a DNS answer can lead a request into the bot's own network.
		dialer := &net.Dialer{Timeout: timeout, KeepAlive: 30 * time.Second, Control: refusePrivate}
		tr.DialContext = dialer.DialContext
		tr.Proxy = nil
	}
	return &http.Client{
		Timeout:   timeout,
		Transport: tr,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > maxRedirects {
				return fmt.Errorf("stopped after %d redirects (ingest.max_redirects)", maxRedirects)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to unsupported scheme %q", req.URL.Scheme)
			}
			return nil
		},
	}
}

// ErrPrivateAddress is returned for a URL that leads to a loopback,
// private, link-local or otherwise non-public address while PublicOnly is set.
var ErrPrivateAddress = errors.New("address is not public")

// refusePrivate is a net.Dialer Control hook that refuses non-public addresses.
func refusePrivate(network, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return err
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("%w: %s", ErrPrivateAddress, host)
	}
	if !isPublic(ip) {
		return fmt.Errorf("%w: %s", ErrPrivateAddress, ip)
	}
	return nil
}

// nonPublic lists the special-purpose ranges (RFC 6890 and successors) that
// net/netip's predicates do not cover: shared address space, benchmarking,
// IETF protocol assignments, documentation, reserved and multicast.
var nonPublic = func() []netip.Prefix {
	var out []netip.Prefix
	for _, p := range []string{"0.0.0.0/8", "100.64.0.0/10", "192.0.0.0/24", "192.0.2.0/24", "198.18.0.0/15",
		"198.51.100.0/24", "203.0.113.0/24", "240.0.0.0/4", "255.255.255.255/32", "2001:db8::/32", "100::/64", "2001:10::/28", "fc00::/7"} {
		out = append(out, netip.MustParsePrefix(p))
	}
	return out
}()

// Ranges that carry an IPv4 address inside an IPv6 one: the embedded address
// decides (a NAT64 or 6to4 address can reach a private or loopback host).
var (
	nat64      = netip.MustParsePrefix("64:ff9b::/96")
	nat64Local = netip.MustParsePrefix("64:ff9b:1::/48")
	sixToFour  = netip.MustParsePrefix("2002::/16")
	teredo     = netip.MustParsePrefix("2001::/32")
)

// isPublic reports whether an address is an ordinary public unicast address.
func isPublic(ip netip.Addr) bool {
	ip = ip.Unmap()
	if !ip.IsGlobalUnicast() || ip.IsPrivate() || ip.IsLoopback() || ip.IsLinkLocalUnicast() || ip.IsUnspecified() || ip.IsMulticast() {
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(ip) {
			return false
		}
	}
	if ip.Is6() {
		b := ip.As16()
		switch {
		case nat64Local.Contains(ip), teredo.Contains(ip):
			return false // local-use translation and Teredo tunnels: no public meaning of their own
		case nat64.Contains(ip):
			return isPublic(netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}))
		case sixToFour.Contains(ip):
			return isPublic(netip.AddrFrom4([4]byte{b[2], b[3], b[4], b[5]}))
		}
	}
	return true
}

// parseWebURL accepts absolute http and https URLs only.
func parseWebURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, fmt.Errorf("invalid URL: %w", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("unsupported URL scheme %q: use an http or https URL", u.Scheme)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("invalid URL %q: no host", raw)
	}
	return u, nil
}

// fetch GETs a page within the size and time limits.
func (in *Ingester) fetch(ctx context.Context, raw string) (fetched, error) {
	u, err := parseWebURL(raw)
	if err != nil {
		return fetched{}, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return fetched{}, fmt.Errorf("invalid URL: %w", err)
	}
	if in.opts.UserAgent != "" {
		req.Header.Set("User-Agent", in.opts.UserAgent)
	}
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/pdf,application/rss+xml,application/atom+xml,text/plain;q=0.9,*/*;q=0.5")
	resp, err := in.client.Do(req)
	if err != nil {
		return fetched{}, in.netError(ctx, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fetched{}, &HTTPStatusError{URL: resp.Request.URL.Redacted(), Code: resp.StatusCode}
	}
	limit := in.opts.MaxBytes
	if limit > 0 && resp.ContentLength > limit {
		return fetched{}, tooLarge("page", limit)
	}
	body, err := readAtMost(resp.Body, limit)
	if err != nil {
		return fetched{}, in.netError(ctx, err)
	}
	if limit > 0 && int64(len(body)) > limit {
		return fetched{}, tooLarge("page", limit)
	}
	return fetched{body: body, contentType: resp.Header.Get("Content-Type"), finalURL: resp.Request.URL}, nil
}

// readAtMost reads r to its end, or to one byte past limit so that the
// caller can tell it is too large; limit 0 reads it all.
func readAtMost(r io.Reader, limit int64) ([]byte, error) {
	if limit > 0 {
		r = io.LimitReader(r, limit+1)
	}
	return io.ReadAll(r)
}

// netError turns a transport error into one sentence: a timeout names the
// setting to raise; the caller's own cancellation passes through as is.
func (in *Ingester) netError(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("timed out after %v (ingest.timeout)", in.opts.Timeout)
	}
	return describeNetError(err)
}

// describeNetError says in words what failed to connect, without the
// resolver's or the dialer's internal addresses that Go's errors carry
// ("lookup x on 127.0.0.53:53"). The URL is named by the caller.
func describeNetError(err error) error {
	var dns *net.DNSError
	if errors.As(err, &dns) {
		if dns.IsNotFound {
			return fmt.Errorf("could not reach %s: the name does not resolve", dns.Name)
		}
		return fmt.Errorf("could not reach %s: the name could not be looked up", dns.Name)
	}
	if errors.Is(err, ErrPrivateAddress) {
		return fmt.Errorf("refused: %w", ErrPrivateAddress)
	}
	if errors.Is(err, syscall.ECONNREFUSED) {
		return errors.New("the server refused the connection")
	}
	if errors.Is(err, syscall.ECONNRESET) {
		return errors.New("the server closed the connection")
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var op *net.OpError
	if errors.As(err, &op) {
		return fmt.Errorf("could not connect: %v", op.Err)
	}
	return err
}

// classify decides how to read a page from its declared type, sniffing the
// body when the server says nothing useful.
func classify(contentType string, body []byte, u *url.URL) (contentKind, error) {
	media, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		media = ""
	}
	switch media {
	case "text/html", "application/xhtml+xml":
		return kindHTML, nil
	case "text/markdown", "text/x-markdown":
		return kindMarkdown, nil
	case "text/plain":
		if u != nil {
			if e := strings.ToLower(path.Ext(u.Path)); e == ".md" || e == ".markdown" {
				return kindMarkdown, nil
			}
		}
		return kindText, nil
	case "application/pdf", "application/x-pdf":
		return kindPDF, nil
	case "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json":
		return kindFeed, nil
	case "application/xml", "text/xml":
		if looksLikeFeed(body) {
			return kindFeed, nil
		}
		return kindUnknown, errors.New("XML that is not an RSS or Atom feed")
	case "", "application/octet-stream", "binary/octet-stream":
		if k := sniff(body); k != kindUnknown {
			return k, nil
		}
		return kindUnknown, fmt.Errorf("unrecognised content (type %q): want an HTML page, plain text, a PDF or an RSS/Atom feed", media)
	}
	return kindUnknown, fmt.Errorf("unsupported content type %q (want an HTML page, plain text, a PDF or an RSS/Atom feed)", media)
}

// sniff guesses a body's kind when the server did not say.
func sniff(body []byte) contentKind {
	head := bytes.TrimLeft(body[:min(len(body), 512)], "\xef\xbb\xbf \t\r\n")
	switch {
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return kindPDF
	case looksLikeFeed(body):
		return kindFeed
	}
	switch ct := http.DetectContentType(body); {
	case strings.HasPrefix(ct, "text/html"):
		return kindHTML
	case strings.HasPrefix(ct, "text/plain"):
		return kindText
	}
	return kindUnknown
}

// looksLikeFeed reports an RSS, RDF or Atom root element near the start.
func looksLikeFeed(body []byte) bool {
	head := bytes.ToLower(body[:min(len(body), 1024)])
	return bytes.Contains(head, []byte("<rss")) || bytes.Contains(head, []byte("<feed")) || bytes.Contains(head, []byte("<rdf:rdf"))
}
