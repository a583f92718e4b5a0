#!/usr/bin/perl
# An independent OAI-PMH harvester, HTTP::OAI (Debian's libhttp-oai-perl), run by OaiPmhClientsIT
# against a node: Identify, ListMetadataFormats, ListSets, then ListIdentifiers and ListRecords
# (oai_dc) to the end of each list, following every resumption token, and one GetRecord. Prints
# one JSON object with what it read; exits 1 with the protocol or HTTP error if a request fails.
# Usage: perl oai-harvest.pl BASE_URL
use strict;
use warnings;
use HTTP::OAI;
use HTTP::OAI::Metadata::OAI_DC;
use JSON::PP;

my $base = shift or die "usage: $0 BASE_URL\n";
my $h = HTTP::OAI::Harvester->new(baseURL => $base, resume => 1);
my %out;

sub check {
    my ($what, $r) = @_;
    if ($r->is_error) {
        print STDERR "$what failed: " . $r->code . " " . $r->message . "\n";
        exit 1;
    }
}

my $id = $h->Identify;
check('Identify', $id);
$out{repositoryName} = $id->repositoryName;
$out{baseURL} = "" . $id->baseURL;
$out{protocolVersion} = $id->protocolVersion;
$out{granularity} = $id->granularity;
$out{deletedRecord} = $id->deletedRecord;
$out{earliestDatestamp} = $id->earliestDatestamp;

my $formats = $h->ListMetadataFormats;
check('ListMetadataFormats', $formats);
my @prefixes;
while (my $f = $formats->next) { push @prefixes, $f->metadataPrefix; }
$out{metadataPrefixes} = \@prefixes;

# With resume (the default), HTTP::OAI follows every resumption token itself and hands each item
# of every page to onRecord; the response it returns is the last page's.
my @specs;
my $sets = $h->ListSets(onRecord => sub { push @specs, shift->setSpec; });
check('ListSets', $sets);
$out{sets} = \@specs;

my (@identifiers, $deleted);
$deleted = 0;
my $ids = $h->ListIdentifiers(metadataPrefix => 'oai_dc', onRecord => sub {
    my $header = shift;
    push @identifiers, $header->identifier;
    $deleted++ if $header->is_deleted;
});
check('ListIdentifiers', $ids);
$out{identifiers} = \@identifiers;
$out{deletedHeaders} = $deleted;

my ($records, $titled) = (0, 0);
my $recs = $h->ListRecords(
    metadataPrefix => 'oai_dc',
    handlers => {metadata => 'HTTP::OAI::Metadata::OAI_DC'},
    onRecord => sub {
        my $rec = shift;
        $records++;
        return if $rec->is_deleted;
        my $title = $rec->metadata->dc->{title};
        $titled++ if $title && @$title;
    });
check('ListRecords', $recs);
$out{records} = $records;
$out{titledRecords} = $titled;

if (@identifiers) {
    my $first = $identifiers[0];
    my $gr = $h->GetRecord(identifier => $first, metadataPrefix => 'oai_dc');
    check('GetRecord', $gr);
    my $rec = $gr->next;
    $out{getRecordIdentifier} = $rec->identifier;
}

my $bad = $h->GetRecord(identifier => 'http://no.example.org/none', metadataPrefix => 'oai_dc');
my @codes = map { $_->code } $bad->errors;
$out{unknownIdentifierErrors} = \@codes;

print JSON::PP->new->canonical->encode(\%out), "\n";
