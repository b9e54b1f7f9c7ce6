%{
/* placeholder grammar, being written */
%}
%define api.pure full
%token NUM
%%
start: NUM ;
%%
