#!/usr/bin/perl
# Drives an AtomPub server with Debian's Atompub::Client (libatompub-perl), an independent client:
# service discovery, create, read, update, list, delete. Prints one "key<TAB>value" line per fact.
#   atompub-client.pl SERVICE_URL USER PASSWORD
use strict; use warnings;
use Atompub::Client;
use XML::Atom::Entry;
use XML::Atom::Content;
$XML::Atom::DefaultVersion = '1.0';

my ($service_url, $user, $password) = @ARGV;
my $client = Atompub::Client->new;
$client->username($user);
$client->password($password);
sub out { print join("\t", @_), "\n" }
sub fail { out('error', $_[0] . ': ' . ($client->errstr // '')); exit 1 }

my $service = $client->getService($service_url) or fail('getService');
my ($workspace) = $service->workspaces;
my ($collection) = $workspace->collections;
my $coll = $collection->href;
out('collection', $coll);

my $entry = XML::Atom::Entry->new;
$entry->title('Hello from Atompub::Client');
my $content = XML::Atom::Content->new;
$content->type('html');
$content->body('<p>Created by <em>Perl</em> &amp; friends.</p>');
$entry->content($content);
my $location = $client->createEntry($coll, $entry, 'perl hello') or fail('createEntry');
out('created', $location);

my $read = $client->getEntry($location) or fail('getEntry');
out('title', $read->title);
my ($edit) = grep { ($_->rel // '') eq 'edit' } $read->link;
out('edit', $edit ? $edit->href : '');

$read->title('Updated by Atompub::Client');
$client->updateEntry($location, $read) or fail('updateEntry');
my $again = $client->getEntry($location) or fail('getEntry after update');
out('updated-title', $again->title);

my $feed = $client->getFeed($coll) or fail('getFeed');
out('entries', scalar(my @e = $feed->entries));

$client->deleteEntry($location) or fail('deleteEntry');
out('deleted', $location);
my $gone = $client->getEntry($location);
out('after-delete', $gone ? 'still there' : 'gone');
