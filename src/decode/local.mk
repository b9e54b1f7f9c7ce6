# Decoder (src/decode/): tcpdump-style lines, one file per protocol.
libbpfx_core_la_SOURCES += src/decode/decode.c src/decode/decode.h src/decode/dec.h src/decode/out.c
libbpfx_core_la_SOURCES += src/decode/cdp.c
libbpfx_core_la_SOURCES += src/decode/arp.c
libbpfx_core_la_SOURCES += src/decode/cksum.c
libbpfx_core_la_SOURCES += src/decode/dns.c
libbpfx_core_la_SOURCES += src/decode/dtp.c
libbpfx_core_la_SOURCES += src/decode/eapol.c
libbpfx_core_la_SOURCES += src/decode/ether.c
libbpfx_core_la_SOURCES += src/decode/icmp.c
libbpfx_core_la_SOURCES += src/decode/icmp6.c
libbpfx_core_la_SOURCES += src/decode/ip.c
libbpfx_core_la_SOURCES += src/decode/ip6.c
libbpfx_core_la_SOURCES += src/decode/link.c
libbpfx_core_la_SOURCES += src/decode/llc.c
libbpfx_core_la_SOURCES += src/decode/lldp.c
libbpfx_core_la_SOURCES += src/decode/loopback.c
libbpfx_core_la_SOURCES += src/decode/macsec.c
libbpfx_core_la_SOURCES += src/decode/mpls.c
libbpfx_core_la_SOURCES += src/decode/mptcp.c
libbpfx_core_la_SOURCES += src/decode/pppoe.c
libbpfx_core_la_SOURCES += src/decode/ptp.c
libbpfx_core_la_SOURCES += src/decode/resolve.c
libbpfx_core_la_SOURCES += src/decode/resp.c
libbpfx_core_la_SOURCES += src/decode/slow.c
libbpfx_core_la_SOURCES += src/decode/stp.c
libbpfx_core_la_SOURCES += src/decode/tcp.c
libbpfx_core_la_SOURCES += src/decode/udld.c
libbpfx_core_la_SOURCES += src/decode/udp.c
# application protocols over UDP and TCP: the port dispatch, then one file each
libbpfx_core_la_SOURCES += src/decode/app.c src/decode/txtproto.c src/decode/syslog.c \
	src/decode/tftp.c src/decode/vxlan.c src/decode/ntp.c src/decode/bootp.c \
	src/decode/hsrp.c src/decode/bfd.c
# dissect's field tables (src/decode/dissect.h): the driver, rows and
# worked checksums, then the headers by layer.
libbpfx_core_la_SOURCES += src/decode/dissect.c src/decode/dissect.h src/decode/dis.h
libbpfx_core_la_SOURCES += src/decode/dis_link.c
libbpfx_core_la_SOURCES += src/decode/dis_net.c
libbpfx_core_la_SOURCES += src/decode/dis_tp.c
libbpfx_core_la_SOURCES += src/decode/dis_view.c src/decode/dis_view.h
# protocols reached by IP protocol number (issue 14)
libbpfx_core_la_SOURCES += src/decode/igmp.c src/decode/mcast.c src/decode/relts.c src/decode/vrrp.c
libbpfx_core_la_SOURCES += src/decode/esp.c src/decode/ah.c src/decode/ipcomp.c src/decode/gre.c
libbpfx_core_la_SOURCES += src/decode/sctp.c src/decode/pim.c src/decode/ospf.c src/decode/eigrp.c src/decode/dccp.c
libbpfx_core_la_SOURCES += src/decode/radiotap.c src/decode/wlan.c src/decode/linkdlt.c src/decode/chdlc.c src/decode/ppp.c src/decode/dsa.c
libbpfx_core_la_SOURCES += src/decode/ipoib.c src/decode/nflog.c src/decode/ppi.c src/decode/vsock.c src/decode/slip.c
# decc (issue 14): AFS/RX, OpenFlow 1.0, BGP, BCM-LI
libbpfx_core_la_SOURCES += src/decode/bcmli.c src/decode/rx.c src/decode/openflow.c src/decode/bgp.c
# decb: non-IP frames and routing protocols (issue 14)
libbpfx_core_la_SOURCES += src/decode/aoe.c src/decode/decnet.c src/decode/geonet.c src/decode/isis.c src/decode/isis_tlv.c src/decode/rip.c src/decode/babel.c src/decode/arista.c
libbpfx_core_la_SOURCES += src/decode/isakmp.c src/decode/radius.c src/decode/eap.c src/decode/dhcp6.c src/decode/l2tp.c
libbpfx_core_la_SOURCES += src/decode/krb.c src/decode/timed.c src/decode/autorp.c src/decode/someip.c src/decode/vat.c src/decode/aodv.c src/decode/ahcp.c src/decode/lwapp.c src/decode/vqp.c src/decode/beep.c src/decode/msdp.c src/decode/zep.c src/decode/fmttime.c src/decode/wb.c src/decode/lwres.c src/decode/olsr.c src/decode/rpki.c
libbpfx_core_la_SOURCES += src/decode/snmp.c src/decode/snmp_mib.c src/decode/snmp_mib.inc src/decode/geneve.c src/decode/vxlangpe.c src/decode/otv.c src/decode/lisp.c src/decode/udpwrap.c src/decode/ldp.c src/decode/nsh.c
libbpfx_core_la_SOURCES += src/decode/clnp.c src/decode/pgm.c src/decode/forces.c
libbpfx_core_la_SOURCES += src/decode/fr.c src/decode/arcnet.c src/decode/pktap.c src/decode/juniper.c
libbpfx_core_la_SOURCES += src/decode/sflow.c src/decode/hncp.c src/decode/zephyr.c
libbpfx_core_la_SOURCES += src/decode/lspping.c src/decode/lmp.c src/decode/nfs.c
libbpfx_core_la_SOURCES += src/decode/ppp_ctrl.c src/decode/aarp.c src/decode/cfm.c src/decode/tipc.c src/decode/ethwrap.c src/decode/ssh.c src/decode/ipx.c src/decode/vtp.c src/decode/ipx_sap.inc
libbpfx_core_la_SOURCES += src/decode/bgp_upd.c src/decode/lldp_org.c
libbpfx_core_la_SOURCES += src/decode/ospf6.c src/decode/icmp6_ni.c src/decode/igrp.c src/decode/dvmrp.c
libbpfx_core_la_SOURCES += src/decode/atalk.c
libbpfx_core_la_SOURCES += src/decode/openflow13.c src/decode/openflow.h
libbpfx_core_la_SOURCES += src/decode/pptp.c src/decode/802_15_4.c src/decode/atm.c
libbpfx_core_la_SOURCES += src/decode/isis_reach.c
libbpfx_core_la_SOURCES += src/decode/m3ua.c
libbpfx_core_la_SOURCES += src/decode/rsvp.c src/decode/egp.c src/decode/mobility.c
libbpfx_core_la_SOURCES += src/decode/ospf2.c src/decode/ospf_te.c src/decode/rpl.c
libbpfx_core_la_SOURCES += src/decode/msnlb.c src/decode/snap.c src/decode/slow_oam.c src/decode/mpcp.c
