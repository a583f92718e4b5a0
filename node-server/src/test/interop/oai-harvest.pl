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

my $sets = $h->ListSets;
my @specs;
while (my $s = $sets->next) { push @specs, $s->setSpec; }
check('ListSets', $sets);
$out{sets} = \@specs;

my $ids = $h->ListIdentifiers(metadataPrefix => 'oai_dc');
my (@identifiers, $deleted);
$deleted = 0;
while (my $header = $ids->next) {
    push @identifiers, $header->identifier;
    $deleted++ if $header->is_deleted;
}
check('ListIdentifiers', $ids);
$out{identifiers} = \@identifiers;
$out{deletedHeaders} = $deleted;

my $recs = $h->ListRecords(metadataPrefix => 'oai_dc', handlers => {metadata => 'HTTP::OAI::Metadata::OAI_DC'});
my ($records, $titled) = (0, 0);
my %titles;
while (my $rec = $recs->next) {
    $records++;
    next if $rec->is_deleted;
    my $title = $rec->metadata->dc->{title};
    if ($title && @$title) {
        $titled++;
        $titles{$rec->identifier} = $title->[0];
    }
}
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
