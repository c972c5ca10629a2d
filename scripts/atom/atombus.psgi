# PSGI launcher for AtomBus (Debian package libatombus-perl), an independent AtomPub server.
# Config comes from the environment (see scripts/start-atombus.sh).
# Basic auth is Plack's stock Auth::Basic middleware, not AtomBus itself.
use strict; use warnings;
use Dancer ':syntax';
use Plack::Builder;
BEGIN {   # AtomBus reads its config when it is loaded, so set it first
  set atombus => { page_size => 100,
                   db => { dsn => "dbi:SQLite:dbname=$ENV{ATOMBUS_DB}" } };
  set logger => 'console'; set log => 'warning'; set show_errors => 1;
}
use AtomBus;
my $app = sub { Dancer->dance(Dancer::Request->new(env => shift)) };
builder {
  enable 'Auth::Basic', authenticator =>
    sub { $_[0] eq $ENV{ATOMBUS_USER} && $_[1] eq $ENV{ATOMBUS_PASS} };
  $app;
};
