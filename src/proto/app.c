/* app.c: numbers of the application protocols over UDP and TCP that the
 * decoder prints (src/decode/app.c picks the printer by port), with
 * tcpdump 4.99's names for them. */
#include "proto/proto.h"

/* syslog facilities and severities (RFC 5424 6.2.1) */
static const struct proto_row syslog_fac_rows[] = {
	{ 0, 0, { "kernel" } }, { 1, 0, { "user" } }, { 2, 0, { "mail" } },
	{ 3, 0, { "daemon" } }, { 4, 0, { "auth" } }, { 5, 0, { "syslog" } },
	{ 6, 0, { "lpr" } }, { 7, 0, { "news" } }, { 8, 0, { "uucp" } },
	{ 9, 0, { "cron" } }, { 10, 0, { "authpriv" } }, { 11, 0, { "ftp" } },
	{ 12, 0, { "ntp" } }, { 13, 0, { "security" } }, { 14, 0, { "console" } },
	{ 15, 0, { "cron" } }, { 16, 0, { "local0" } }, { 17, 0, { "local1" } },
	{ 18, 0, { "local2" } }, { 19, 0, { "local3" } }, { 20, 0, { "local4" } },
	{ 21, 0, { "local5" } }, { 22, 0, { "local6" } }, { 23, 0, { "local7" } },
};
const struct proto_table proto_syslog_facilities = PROTO_TABLE(syslog_fac_rows);

static const struct proto_row syslog_sev_rows[] = {
	{ 0, 0, { "emergency" } }, { 1, 0, { "alert" } }, { 2, 0, { "critical" } },
	{ 3, 0, { "error" } }, { 4, 0, { "warning" } }, { 5, 0, { "notice" } },
	{ 6, 0, { "info" } }, { 7, 0, { "debug" } },
};
const struct proto_table proto_syslog_severities = PROTO_TABLE(syslog_sev_rows);

/* TFTP opcodes (RFC 1350, RFC 2347 for OACK) and error codes */
static const struct proto_row tftp_op_rows[] = {
	{ PROTO_TFTP_RRQ, 0, { "RRQ" } }, { PROTO_TFTP_WRQ, 0, { "WRQ" } },
	{ PROTO_TFTP_DATA, 0, { "DATA" } }, { PROTO_TFTP_ACK, 0, { "ACK" } },
	{ PROTO_TFTP_ERROR, 0, { "ERROR" } }, { PROTO_TFTP_OACK, 0, { "OACK" } },
};
const struct proto_table proto_tftp_ops = PROTO_TABLE(tftp_op_rows);

static const struct proto_row tftp_err_rows[] = {
	{ 0, 0, { "EUNDEF" } }, { 1, 0, { "ENOTFOUND" } }, { 2, 0, { "EACCESS" } },
	{ 3, 0, { "ENOSPACE" } }, { 4, 0, { "EBADOP" } }, { 5, 0, { "EBADID" } },
	{ 6, 0, { "EEXISTS" } }, { 7, 0, { "ENOUSER" } },
};
const struct proto_table proto_tftp_errors = PROTO_TABLE(tftp_err_rows);

/* NTP modes and leap indicator (RFC 5905 7.3), the indicator as the
 * status byte's top two bits in place */
static const struct proto_row ntp_mode_rows[] = {
	{ 0, 0, { "unspecified" } }, { 1, 0, { "symmetric active" } },
	{ 2, 0, { "symmetric passive" } }, { PROTO_NTP_MODE_CLIENT, 0, { "Client" } },
	{ PROTO_NTP_MODE_SERVER, 0, { "Server" } }, { PROTO_NTP_MODE_BROADCAST, 0, { "Broadcast" } },
	{ PROTO_NTP_MODE_CONTROL, 0, { "Control Message" } }, { 7, 0, { "Reserved" } },
};
const struct proto_table proto_ntp_modes = PROTO_TABLE(ntp_mode_rows);

static const struct proto_row ntp_leap_rows[] = {
	{ 0x00, 0, { "" } }, { 0x40, 0, { "+1s" } }, { 0x80, 0, { "-1s" } },
	{ 0xc0, 0, { "clock unsynchronized" } },
};
const struct proto_table proto_ntp_leaps = PROTO_TABLE(ntp_leap_rows);

/* DHCP and BOOTP vendor extension options (RFC 2132 and the IANA
 * registry), as tcpdump 4.99 names them; the first character is how it
 * prints the option's data: i addresses, p address pairs, l unsigned and
 * L signed 32-bit numbers, s 16-bit numbers, b bytes as decimals, B
 * booleans, a text, $ a layout of its own (src/decode/bootp.c).  An
 * option without a row is "Unknown", its data printed by its length. */
static const struct proto_row dhcp_opt_rows[] = {
	{ 1, 0, { "iSubnet-Mask" } },
	{ 2, 0, { "LTime-Zone" } },
	{ 3, 0, { "iDefault-Gateway" } },
	{ 4, 0, { "iTime-Server" } },
	{ 5, 0, { "iIEN-Name-Server" } },
	{ 6, 0, { "iDomain-Name-Server" } },
	{ 7, 0, { "iLOG" } },
	{ 8, 0, { "iCS" } },
	{ 9, 0, { "iLPR-Server" } },
	{ 10, 0, { "iIM" } },
	{ 11, 0, { "iRL" } },
	{ 12, 0, { "aHostname" } },
	{ 13, 0, { "sBS" } },
	{ 14, 0, { "aDP" } },
	{ 15, 0, { "aDomain-Name" } },
	{ 16, 0, { "iSS" } },
	{ 17, 0, { "aRP" } },
	{ 18, 0, { "aEP" } },
	{ 19, 0, { "BIPF" } },
	{ 20, 0, { "BSRT" } },
	{ 21, 0, { "pPF" } },
	{ 22, 0, { "sRSZ" } },
	{ 23, 0, { "bTTL" } },
	{ 24, 0, { "lMTU-Timeout" } },
	{ 25, 0, { "sMTU-Table" } },
	{ 26, 0, { "sMTU" } },
	{ 27, 0, { "BLSN" } },
	{ 28, 0, { "iBR" } },
	{ 29, 0, { "BMD" } },
	{ 30, 0, { "BMS" } },
	{ 31, 0, { "BRouter-Discovery" } },
	{ 32, 0, { "iRSA" } },
	{ 33, 0, { "pStatic-Route" } },
	{ 34, 0, { "BUT" } },
	{ 35, 0, { "lAT" } },
	{ 36, 0, { "BIE" } },
	{ 37, 0, { "bTT" } },
	{ 38, 0, { "lKI" } },
	{ 39, 0, { "BKG" } },
	{ 40, 0, { "aYD" } },
	{ 41, 0, { "iYS" } },
	{ 42, 0, { "iNTP" } },
	{ 43, 0, { "bVendor-Option" } },
	{ 44, 0, { "iNetbios-Name-Server" } },
	{ 45, 0, { "iWDD" } },
	{ 46, 0, { "$Netbios-Node" } },
	{ 47, 0, { "aNetbios-Scope" } },
	{ 48, 0, { "iXFS" } },
	{ 49, 0, { "iXDM" } },
	{ 50, 0, { "iRequested-IP" } },
	{ 51, 0, { "lLease-Time" } },
	{ 52, 0, { "$OO" } },
	{ 53, 0, { "bDHCP-Message" } },
	{ 54, 0, { "iServer-ID" } },
	{ 55, 0, { "$Parameter-Request" } },
	{ 56, 0, { "aMSG" } },
	{ 57, 0, { "sMSZ" } },
	{ 58, 0, { "lRN" } },
	{ 59, 0, { "lRB" } },
	{ 60, 0, { "aVendor-Class" } },
	{ 61, 0, { "$Client-ID" } },
	{ 64, 0, { "sN+D" } },
	{ 65, 0, { "iN+S" } },
	{ 66, 0, { "aTFTP" } },
	{ 67, 0, { "aBF" } },
	{ 68, 0, { "iMH" } },
	{ 69, 0, { "iSMTP" } },
	{ 70, 0, { "iPOP3" } },
	{ 71, 0, { "iNNTP" } },
	{ 72, 0, { "iWWW" } },
	{ 73, 0, { "iFG" } },
	{ 74, 0, { "iIRC" } },
	{ 75, 0, { "iSTS" } },
	{ 76, 0, { "iSTDA" } },
	{ 77, 0, { "$User-Class" } },
	{ 78, 0, { "bSLP-DA" } },
	{ 79, 0, { "bSLP-SCOPE" } },
	{ 80, 0, { "aSLP-NA" } },
	{ 81, 0, { "$FQDN" } },
	{ 82, 0, { "$Agent-Information" } },
	{ 83, 0, { "bARMT" } },
	{ 88, 0, { "aTZSTR" } },
	{ 89, 0, { "bFQDNS" } },
	{ 90, 0, { "bAUTH" } },
	{ 91, 0, { "LLast-Transaction-Time" } },
	{ 92, 0, { "iAssociated-IP" } },
	{ 93, 0, { "sARCH" } },
	{ 94, 0, { "bNDI" } },
	{ 95, 0, { "aLDAP" } },
	{ 97, 0, { "bGUID" } },
	{ 98, 0, { "aUAP" } },
	{ 100, 0, { "aPOSIX-TZ" } },
	{ 101, 0, { "aTZ-Name" } },
	{ 112, 0, { "iNI" } },
	{ 113, 0, { "aNITAG" } },
	{ 114, 0, { "aURL" } },
	{ 116, 0, { "BNOAUTO" } },
	{ 117, 0, { "sNSSEARCH" } },
	{ 118, 0, { "iSUBNET" } },
	{ 121, 0, { "$Classless-Static-Route" } },
	{ 150, 0, { "iTFTP-Server-Address" } },
	{ 161, 0, { "aMUD-URL" } },
	{ 249, 0, { "$Classless-Static-Route-Microsoft" } },
};
const struct proto_table proto_dhcp_opts = PROTO_TABLE(dhcp_opt_rows);

/* DHCP message types (RFC 2132 9.6, RFC 4388 for the lease queries) */
static const struct proto_row dhcp_msg_rows[] = {
	{ 1, 0, { "Discover" } }, { 2, 0, { "Offer" } }, { 3, 0, { "Request" } },
	{ 4, 0, { "Decline" } }, { 5, 0, { "ACK" } }, { 6, 0, { "NACK" } },
	{ 7, 0, { "Release" } }, { 8, 0, { "Inform" } }, { 10, 0, { "LeaseQuery" } },
	{ 11, 0, { "LeaseUnassigned" } }, { 12, 0, { "LeaseUnknown" } }, { 13, 0, { "LeaseActive" } },
};
const struct proto_table proto_dhcp_msgs = PROTO_TABLE(dhcp_msg_rows);
