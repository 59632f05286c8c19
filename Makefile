# Pantau: build and install.
#   make                      release build (.build/release/pantau)
#   make install              install under PREFIX (default /usr/local); DESTDIR for staging
#   make install BINARY=path  install an already built binary (skips the build)
#   make test                 the whole test suite (scripts/test.sh)
PREFIX     ?= /usr/local
SYSCONFDIR ?= /etc
UNITDIR    ?= /etc/systemd/system
DESTDIR    ?=
BINARY     ?= .build/release/pantau

BINDIR   = $(PREFIX)/bin
MANDIR   = $(PREFIX)/share/man
DATADIR  = $(PREFIX)/share/pantau
CONFDIR  = $(SYSCONFDIR)/pantau

.PHONY: all build install test demo

all: build

build:
	scripts/install-deps.sh
	swift build -c release --static-swift-stdlib --product pantau

$(BINARY):
	$(MAKE) build

# Config files are installed only when absent, so an upgrade never overwrites an operator's
# edits. The sample config's demo feed is pointed at the installed seed feed.
install: $(BINARY)
	install -D -m 0755 $(BINARY) $(DESTDIR)$(BINDIR)/pantau
	install -D -m 0644 seeds/feed.xml $(DESTDIR)$(DATADIR)/seeds/feed.xml
	install -D -m 0644 seeds/000_fd8d562c18a1316d.txt $(DESTDIR)$(DATADIR)/seeds/000_fd8d562c18a1316d.txt
	install -d -m 0755 $(DESTDIR)$(CONFDIR)/watch.d
	test -e $(DESTDIR)$(CONFDIR)/pantau.toml || \
	  sed 's#^path = "../../seeds/feed.xml"#path = "$(DATADIR)/seeds/feed.xml"#' etc/pantau/pantau.toml \
	  > $(DESTDIR)$(CONFDIR)/pantau.toml
	for f in etc/pantau/watch.d/*.toml; do \
	  test -e $(DESTDIR)$(CONFDIR)/watch.d/$$(basename $$f) || install -m 0644 $$f $(DESTDIR)$(CONFDIR)/watch.d/; \
	done
	install -D -m 0644 etc/logrotate.d/pantau $(DESTDIR)$(SYSCONFDIR)/logrotate.d/pantau
	install -d -m 0755 $(DESTDIR)$(UNITDIR)
	sed 's#/usr/local/bin/pantau#$(BINDIR)/pantau#g; s#/etc/pantau/#$(CONFDIR)/#g' systemd/pantau.service \
	  > $(DESTDIR)$(UNITDIR)/pantau.service
	chmod 0644 $(DESTDIR)$(UNITDIR)/pantau.service
	install -D -m 0644 docs/man/man8/pantau.8 $(DESTDIR)$(MANDIR)/man8/pantau.8
	install -D -m 0644 docs/man/man5/pantau.toml.5 $(DESTDIR)$(MANDIR)/man5/pantau.toml.5
	@echo "installed; next: systemctl daemon-reload && systemctl enable --now pantau"

test:
	scripts/test.sh

demo:
	scripts/demo.sh
