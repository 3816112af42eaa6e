# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_admin.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

class Ui_FirstAdminDialog(object):
    def setupUi(self, FirstAdminDialog):
        if not FirstAdminDialog.objectName():
            FirstAdminDialog.setObjectName(u"FirstAdminDialog")
        FirstAdminDialog.resize(600, 380)
        self.firstAdminLayout = QVBoxLayout(FirstAdminDialog)
        self.firstAdminLayout.setObjectName(u"firstAdminLayout")
        self.titleLabel = QLabel(FirstAdminDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.firstAdminLayout.addWidget(self.titleLabel)

        self.hintLabel = QLabel(FirstAdminDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.firstAdminLayout.addWidget(self.hintLabel)

        self.adminForm = QFormLayout()
        self.adminForm.setObjectName(u"adminForm")
        self.nameLabel = QLabel(FirstAdminDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.adminForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(FirstAdminDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.adminForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.displayNameLabel = QLabel(FirstAdminDialog)
        self.displayNameLabel.setObjectName(u"displayNameLabel")

        self.adminForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.displayNameLabel)

        self.displayNameEdit = QLineEdit(FirstAdminDialog)
        self.displayNameEdit.setObjectName(u"displayNameEdit")

        self.adminForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.displayNameEdit)

        self.passwordLabel = QLabel(FirstAdminDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.adminForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordEdit = QLineEdit(FirstAdminDialog)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.Password)

        self.adminForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.confirmLabel = QLabel(FirstAdminDialog)
        self.confirmLabel.setObjectName(u"confirmLabel")

        self.adminForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.confirmLabel)

        self.confirmEdit = QLineEdit(FirstAdminDialog)
        self.confirmEdit.setObjectName(u"confirmEdit")
        self.confirmEdit.setEchoMode(QLineEdit.Password)

        self.adminForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.confirmEdit)


        self.firstAdminLayout.addLayout(self.adminForm)

        self.messageLabel = QLabel(FirstAdminDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.firstAdminLayout.addWidget(self.messageLabel)

        self.createButton = QPushButton(FirstAdminDialog)
        self.createButton.setObjectName(u"createButton")

        self.firstAdminLayout.addWidget(self.createButton)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.displayNameLabel.setBuddy(self.displayNameEdit)
        self.passwordLabel.setBuddy(self.passwordEdit)
        self.confirmLabel.setBuddy(self.confirmEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(FirstAdminDialog)

        self.createButton.setDefault(True)


        QMetaObject.connectSlotsByName(FirstAdminDialog)
    # setupUi

    def retranslateUi(self, FirstAdminDialog):
        FirstAdminDialog.setWindowTitle(QCoreApplication.translate("FirstAdminDialog", u"First admin \u2014 Returns Receiving Station", None))
#if QT_CONFIG(accessibility)
        FirstAdminDialog.setAccessibleName(QCoreApplication.translate("FirstAdminDialog", u"Create the first admin", None))
#endif // QT_CONFIG(accessibility)
        self.titleLabel.setText(QCoreApplication.translate("FirstAdminDialog", u"Welcome to a new station", None))
        self.hintLabel.setText(QCoreApplication.translate("FirstAdminDialog", u"This database has no users yet. Create the first admin; the admin then adds receivers and supervisors.", None))
        self.nameLabel.setText(QCoreApplication.translate("FirstAdminDialog", u"&User name", None))
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleName(QCoreApplication.translate("FirstAdminDialog", u"User name", None))
#endif // QT_CONFIG(accessibility)
        self.displayNameLabel.setText(QCoreApplication.translate("FirstAdminDialog", u"&Full name", None))
#if QT_CONFIG(accessibility)
        self.displayNameEdit.setAccessibleName(QCoreApplication.translate("FirstAdminDialog", u"Full name", None))
#endif // QT_CONFIG(accessibility)
        self.passwordLabel.setText(QCoreApplication.translate("FirstAdminDialog", u"&Password (8 or more)", None))
#if QT_CONFIG(accessibility)
        self.passwordEdit.setAccessibleName(QCoreApplication.translate("FirstAdminDialog", u"Password", None))
#endif // QT_CONFIG(accessibility)
        self.confirmLabel.setText(QCoreApplication.translate("FirstAdminDialog", u"&Password again", None))
#if QT_CONFIG(accessibility)
        self.confirmEdit.setAccessibleName(QCoreApplication.translate("FirstAdminDialog", u"Password again", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.messageLabel.setAccessibleName(QCoreApplication.translate("FirstAdminDialog", u"Message", None))
#endif // QT_CONFIG(accessibility)
        self.createButton.setText(QCoreApplication.translate("FirstAdminDialog", u"&Create admin", None))
#if QT_CONFIG(accessibility)
        self.createButton.setAccessibleName(QCoreApplication.translate("FirstAdminDialog", u"Create admin", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

